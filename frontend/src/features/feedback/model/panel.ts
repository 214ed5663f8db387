import type { components } from '@/api/schema';

type Schemas = components['schemas'];
export type ApprovalPanel = Schemas['ApprovalPanelRead'];
export type Verdict = Schemas['Verdict'];
type FormRead = Schemas['FeedbackFormRead'];

/** Where one person stands on the current version. */
export type PersonState = 'approved' | 'objected' | 'awaited';

export interface PanelRow {
  member: string;
  name: string;
  state: PersonState;
  /** The reason of an objection. */
  reason: string | null;
  /**
   * Present at the meeting and taking part in the case: only they count for the consensus
   * (R-FB-2). Someone who left keeps their verdict on the panel; an objection of theirs still blocks.
   */
  present: boolean;
}

export interface PanelView {
  version: number;
  versionHash: string;
  status: ApprovalPanel['status'];
  transmitted: boolean;
  consensus: boolean;
  rows: PanelRow[];
  counts: Record<PersonState, number>;
  /** The user's own verdict on the current version, if any. */
  mine: Verdict | null;
  /** The user is a present participant and the form is not transmitted yet: they give a verdict. */
  mayVote: boolean;
}

/** The panel as the meeting room shows it: one row per person, by name, present ones first. */
export function panelView(panel: ApprovalPanel, userId: string, someone: string): PanelView {
  const names = new Map(panel.people.map((person) => [person.id, person.displayName]));
  const verdicts = new Map(
    panel.verdicts.filter((verdict) => verdict.versionHash === panel.versionHash).map((verdict) => [verdict.member, verdict]),
  );
  for (const verdict of panel.verdicts) {
    if (verdict.displayName !== '' && !names.has(verdict.member)) names.set(verdict.member, verdict.displayName);
  }
  const present = new Set(panel.approvers);
  const members = [...panel.approvers, ...[...verdicts.keys()].filter((member) => !present.has(member))];
  const rows = members.map((member): PanelRow => {
    const verdict = verdicts.get(member);
    return {
      member,
      name: names.get(member) ?? someone,
      state: verdict === undefined ? 'awaited' : verdict.verdict,
      reason: verdict?.verdict === 'objected' ? (verdict.reason ?? null) : null,
      present: present.has(member),
    };
  });
  rows.sort((a, b) => Number(b.present) - Number(a.present) || a.name.localeCompare(b.name));
  const counts: Record<PersonState, number> = { approved: 0, objected: 0, awaited: 0 };
  for (const row of rows) {
    // Someone who left and had approved no longer counts; an objection always does.
    if (row.present || row.state === 'objected') counts[row.state] += 1;
  }
  return {
    version: panel.version,
    versionHash: panel.versionHash,
    status: panel.status,
    transmitted: panel.transmitted,
    consensus: panel.status === 'consensusReached',
    rows,
    counts,
    mine: verdicts.get(userId)?.verdict ?? null,
    mayVote: present.has(userId) && !panel.transmitted,
  };
}

export type PanelChange =
  | { kind: 'newVersion'; version: number }
  | { kind: 'verdict'; name: string; verdict: Verdict }
  | { kind: 'consensus' }
  | { kind: 'consensusLost' }
  | { kind: 'transmitted' };

/**
 * What changed between two reads of the panel, for the live region: a new version (every verdict
 * void, R-FB-2), each new or changed verdict, consensus reached or lost, the transmission.
 */
export function panelChanges(before: PanelView | null, after: PanelView): PanelChange[] {
  if (before === null) return [];
  const changes: PanelChange[] = [];
  const newVersion = before.versionHash !== after.versionHash;
  if (newVersion) changes.push({ kind: 'newVersion', version: after.version });
  const earlier = new Map(before.rows.map((row) => [row.member, row]));
  for (const row of after.rows) {
    if (row.state === 'awaited') continue;
    const was = earlier.get(row.member);
    if (newVersion || was?.state !== row.state || was.reason !== row.reason) {
      changes.push({ kind: 'verdict', name: row.name, verdict: row.state });
    }
  }
  if (after.transmitted && !before.transmitted) changes.push({ kind: 'transmitted' });
  else if (after.consensus && !before.consensus) changes.push({ kind: 'consensus' });
  else if (!after.consensus && before.consensus && !after.transmitted) changes.push({ kind: 'consensusLost' });
  return changes;
}

/** A verdict or transmission answer (the whole form, read in the meeting) as the panel it implies. */
export function panelOfForm(form: FormRead, meetingId: string): ApprovalPanel {
  return {
    form: form.id,
    status: form.status,
    version: form.current.number,
    versionHash: form.current.hash,
    meeting: meetingId,
    approvers: form.approvers,
    awaiting: form.awaiting,
    verdicts: form.verdicts,
    people: form.people ?? [],
    consensusReachedAt: form.consensusReachedAt ?? null,
    transmitted: form.transmission !== null && form.transmission !== undefined,
  };
}
