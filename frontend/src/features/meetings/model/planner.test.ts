import { describe, expect, it } from 'vitest';

import { localParts, PLANNER_FIELD, plannerFieldOf, plannerProblems, toCreate, toInstant, type PlannerDraft } from './planner';

const draft: PlannerDraft = {
  table: 'operational',
  date: '2026-05-14',
  startTime: '14:00',
  endTime: '16:00',
  place: ' Stadhuis, zaal 2 ',
  onlineLink: '',
  invitees: ['clb', 'io'],
  agenda: [
    { key: 0, purpose: 'admission', caseId: 'case-1', title: 'ignored', invitees: ['caw'] },
    { key: 1, purpose: 'general', caseId: 'ignored', title: ' Jaarplanning ', invitees: ['x'] },
  ],
};

describe('times with the user’s offset', () => {
  it('writes a day and a time as an instant with the local offset, and reads it back', () => {
    const instant = toInstant('2026-05-14', '14:00');
    expect(instant).toMatch(/^2026-05-14T14:00:00[+-]\d{2}:\d{2}$/);
    expect(new Date(instant ?? '').getTime()).toBe(new Date(2026, 4, 14, 14, 0).getTime());
    expect(localParts(instant ?? '')).toEqual({ date: '2026-05-14', time: '14:00' });
  });

  it('refuses what is not a day or a time', () => {
    expect(toInstant('2026-02-30', '14:00')).toBeNull();
    expect(toInstant('2026-05-14', '24:00')).toBeNull();
    expect(toInstant('', '')).toBeNull();
  });
});

describe('the planner’s checks', () => {
  it('accepts a complete draft', () => {
    expect(plannerProblems(draft, true)).toEqual([]);
  });

  it('names every missing field, in the order of the form', () => {
    const empty: PlannerDraft = { ...draft, table: '', date: '', startTime: '', endTime: '', place: '', agenda: [] };
    expect(plannerProblems(empty, true).map((problem) => problem.code)).toEqual([
      'tableMissing',
      'dateMissing',
      'startMissing',
      'endMissing',
      'placeOrLinkMissing',
    ]);
    expect(plannerProblems({ ...empty, table: '' }, false).map((problem) => problem.code)).not.toContain('tableMissing');
  });

  it('wants the end after the start and a web address as the link', () => {
    const problems = plannerProblems({ ...draft, endTime: '13:00', onlineLink: 'teams' }, true);
    expect(problems).toEqual([
      { code: 'endBeforeStart', field: PLANNER_FIELD.end },
      { code: 'linkInvalid', field: PLANNER_FIELD.link },
    ]);
  });

  it('wants a case for a case item and a title for a general one', () => {
    const problems = plannerProblems(
      { ...draft, agenda: [{ key: 0, purpose: 'weighing', caseId: '', title: '', invitees: [] }, { key: 1, purpose: 'general', caseId: '', title: ' ', invitees: [] }] },
      true,
    );
    expect(problems).toEqual([
      { code: 'caseMissing', field: 'agenda-0-case', item: 0 },
      { code: 'titleMissing', field: 'agenda-1-title', item: 1 },
    ]);
  });

  it('keeps cases away from the strategic table (R-TAB-3)', () => {
    expect(plannerProblems({ ...draft, table: 'strategic' }, true)).toEqual([
      { code: 'caseAtStrategicTable', field: 'agenda-0-purpose', item: 0 },
    ]);
  });
});

describe('the body of the planning call', () => {
  it('sends the case of a case item and the title of a general one, trimmed', () => {
    const body = toCreate(draft);
    expect(body).toMatchObject({
      table: 'operational',
      place: 'Stadhuis, zaal 2',
      onlineLink: '',
      invitees: ['clb', 'io'],
      agenda: [
        { purpose: 'admission', case: 'case-1', invitees: ['caw'] },
        { purpose: 'general', title: 'Jaarplanning', invitees: [] },
      ],
    });
    expect(body.agenda?.[0]).not.toHaveProperty('title');
    expect(body.agenda?.[1]).not.toHaveProperty('case');
  });

  it('ties the server’s issues to the fields', () => {
    expect(plannerFieldOf('agenda[1].case')).toBe('agenda-1-case');
    expect(plannerFieldOf('agenda[0].title')).toBe('agenda-0-title');
    expect(plannerFieldOf('endsAt')).toBe(PLANNER_FIELD.end);
    expect(plannerFieldOf('place')).toBe(PLANNER_FIELD.place);
    expect(plannerFieldOf('somethingElse')).toBeUndefined();
    expect(plannerFieldOf(undefined)).toBeUndefined();
  });
});
