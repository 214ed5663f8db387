import { describe, expect, it } from 'vitest';

import { panelChanges, panelOfForm, panelView, type ApprovalPanel } from './panel';

const V1 = '1'.repeat(64);
const V2 = '2'.repeat(64);
const NOOR = 'noor';
const SARA = 'sara';
const IO = 'io';
const GONE = 'gone';

function panel(change: Partial<ApprovalPanel> = {}): ApprovalPanel {
  return {
    form: 'form',
    status: 'draft',
    version: 1,
    versionHash: V1,
    meeting: 'meeting',
    approvers: [NOOR, SARA, IO],
    awaiting: [NOOR, SARA, IO],
    verdicts: [],
    people: [
      { id: NOOR, displayName: 'Noor Vermeulen' },
      { id: SARA, displayName: 'Sara De Smet' },
      { id: IO, displayName: 'Ilse Claes' },
    ],
    consensusReachedAt: null,
    transmitted: false,
    ...change,
  };
}

const approved = (member: string, versionHash = V1) => ({ member, displayName: '', verdict: 'approved' as const, versionHash });

describe('the approval panel (R-FB-2)', () => {
  it('lists every present participant by name, awaited until they give a verdict', () => {
    const view = panelView(panel(), NOOR, 'someone');
    expect(view.rows.map((row) => [row.name, row.state])).toEqual([
      ['Ilse Claes', 'awaited'],
      ['Noor Vermeulen', 'awaited'],
      ['Sara De Smet', 'awaited'],
    ]);
    expect(view.counts).toEqual({ approved: 0, objected: 0, awaited: 3 });
    expect(view.mine).toBeNull();
    expect(view.mayVote).toBe(true);
  });

  it('shows approvals and objections with their reason, and the user’s own verdict', () => {
    const view = panelView(
      panel({
        verdicts: [approved(NOOR), { member: SARA, displayName: 'Sara De Smet', verdict: 'objected', reason: 'Te vaag.', versionHash: V1 }],
        awaiting: [SARA, IO],
      }),
      NOOR,
      'someone',
    );
    expect(view.rows.find((row) => row.member === SARA)).toMatchObject({ state: 'objected', reason: 'Te vaag.' });
    expect(view.counts).toEqual({ approved: 1, objected: 1, awaited: 1 });
    expect(view.mine).toBe('approved');
  });

  it('keeps a verdict of someone who left, after those present; a left approval no longer counts, an objection does', () => {
    const view = panelView(
      panel({
        approvers: [NOOR],
        verdicts: [approved(GONE), { member: 'other', displayName: 'Jan', verdict: 'objected', reason: 'Nee.', versionHash: V1 }],
        people: [{ id: NOOR, displayName: 'Noor Vermeulen' }],
      }),
      'visitor',
      'someone',
    );
    expect(view.rows.map((row) => [row.name, row.present])).toEqual([
      ['Noor Vermeulen', true],
      ['Jan', false],
      ['someone', false],
    ]);
    expect(view.counts).toEqual({ approved: 0, objected: 1, awaited: 1 });
    // Not present: no verdict buttons.
    expect(view.mayVote).toBe(false);
  });

  it('ignores a verdict on another version than the current one', () => {
    const view = panelView(panel({ version: 2, versionHash: V2, verdicts: [approved(NOOR, V1)] }), NOOR, 'someone');
    expect(view.rows.find((row) => row.member === NOOR)?.state).toBe('awaited');
    expect(view.mine).toBeNull();
  });

  it('offers no verdict once the form is transmitted (it is frozen, R-FB-3)', () => {
    expect(panelView(panel({ status: 'transmitted', transmitted: true }), NOOR, 'someone').mayVote).toBe(false);
  });
});

describe('what the live region announces', () => {
  const view = (change: Partial<ApprovalPanel>) => panelView(panel(change), NOOR, 'someone');

  it('says nothing on the first read', () => {
    expect(panelChanges(null, view({}))).toEqual([]);
  });

  it('names each new or changed verdict, and the consensus once reached', () => {
    const before = view({ verdicts: [approved(NOOR), approved(SARA)] });
    const after = view({ verdicts: [approved(NOOR), approved(SARA), approved(IO)], status: 'consensusReached' });
    expect(panelChanges(before, after)).toEqual([{ kind: 'verdict', name: 'Ilse Claes', verdict: 'approved' }, { kind: 'consensus' }]);
    expect(panelChanges(after, after)).toEqual([]);
  });

  it('says that a new version voided every verdict (R-FB-2), and that consensus is lost', () => {
    const before = view({ verdicts: [approved(NOOR), approved(SARA), approved(IO)], status: 'consensusReached' });
    const after = view({ version: 2, versionHash: V2, verdicts: [] });
    expect(panelChanges(before, after)).toEqual([{ kind: 'newVersion', version: 2 }, { kind: 'consensusLost' }]);
  });

  it('announces the transmission', () => {
    const before = view({ status: 'consensusReached' });
    const after = view({ status: 'transmitted', transmitted: true });
    expect(panelChanges(before, after)).toEqual([{ kind: 'transmitted' }]);
  });
});

describe('a verdict answer as a panel', () => {
  it('carries the version, approvers and verdicts of the form read in the meeting', () => {
    const result = panelOfForm(
      {
        id: 'form',
        case: 'case',
        caseCode: 'LB-1',
        round: 1,
        status: 'consensusReached',
        current: { number: 3, hash: V2, createdAt: '2026-05-14T12:00:00Z', createdBy: NOOR, content: {} as never },
        versions: 3,
        approvers: [NOOR],
        awaiting: [],
        verdicts: [approved(NOOR, V2)],
        people: [{ id: NOOR, displayName: 'Noor Vermeulen' }],
        consensusReachedAt: '2026-05-14T12:30:00Z',
        transmission: null,
      },
      'meeting',
    );
    expect(result).toMatchObject({ version: 3, versionHash: V2, meeting: 'meeting', status: 'consensusReached', transmitted: false });
    expect(result.verdicts).toHaveLength(1);
  });
});
