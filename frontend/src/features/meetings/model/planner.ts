/**
 * The meeting planner's form as plain data: what the user entered, what is missing, and the body
 * the API expects (instants with the user's UTC offset, as `startsAt`/`endsAt` require).
 */
import { isoDay, parseDay } from '@/i18n/format';

import type { AgendaPurpose, Meeting, MeetingCreate, MeetingReplan, TableKind } from '../api/use-meetings';
import { concernsCase } from './decisions';

export interface AgendaDraft {
  /** Stable while items are added and removed (React keys, field ids stay by position). */
  key: number;
  purpose: AgendaPurpose;
  caseId: string;
  title: string;
  invitees: string[];
  /** The user chose the purpose; until then it follows the chosen case's step. */
  purposeChosen?: boolean;
}

export interface PlannerDraft {
  table: TableKind | '';
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  onlineLink: string;
  invitees: string[];
  agenda: AgendaDraft[];
}

/** The ids of the planner's fields: the error summary links to them. */
export const PLANNER_FIELD = {
  table: 'meeting-table-0',
  date: 'meeting-date',
  start: 'meeting-start',
  end: 'meeting-end',
  place: 'meeting-place',
  link: 'meeting-link',
  invitees: 'meeting-invitees-0',
  purpose: (index: number) => `agenda-${String(index)}-purpose`,
  case: (index: number) => `agenda-${String(index)}-case`,
  title: (index: number) => `agenda-${String(index)}-title`,
} as const;

export type PlannerProblem =
  | { code: 'tableMissing' | 'dateMissing' | 'startMissing' | 'endMissing' | 'endBeforeStart' | 'placeOrLinkMissing' | 'linkInvalid'; field: string }
  | { code: 'caseMissing' | 'titleMissing' | 'caseAtStrategicTable'; field: string; item: number };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function offset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  return `${sign}${hours}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
}

/**
 * A day (`yyyy-mm-dd`) and a time (`HH:MM`) in the user's time zone as an ISO instant with its
 * offset (`2026-05-14T14:00:00+02:00`); `null` when either is not valid.
 */
export function toInstant(day: string, time: string): string | null {
  const date = parseDay(day);
  const match = TIME.exec(time);
  if (date === null || match === null) return null;
  const local = new Date(date.getFullYear(), date.getMonth(), date.getDate(), Number(match[1]), Number(match[2]));
  return `${day}T${match[1] ?? '00'}:${match[2] ?? '00'}:00${offset(local)}`;
}

/** An instant from the API as the day and the time (`HH:MM`) of the user's own clock. */
export function localParts(instant: string): { date: string; time: string } {
  const value = new Date(instant);
  return {
    date: isoDay(value),
    time: `${String(value.getHours()).padStart(2, '0')}:${String(value.getMinutes()).padStart(2, '0')}`,
  };
}

function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** What keeps the form from being sent, in the order of the fields. */
export function plannerProblems(draft: PlannerDraft, withTable: boolean): PlannerProblem[] {
  const problems: PlannerProblem[] = [];
  if (withTable && draft.table === '') problems.push({ code: 'tableMissing', field: PLANNER_FIELD.table });
  if (parseDay(draft.date) === null) problems.push({ code: 'dateMissing', field: PLANNER_FIELD.date });
  if (!TIME.test(draft.startTime)) problems.push({ code: 'startMissing', field: PLANNER_FIELD.start });
  if (!TIME.test(draft.endTime)) problems.push({ code: 'endMissing', field: PLANNER_FIELD.end });
  else if (TIME.test(draft.startTime) && draft.endTime <= draft.startTime) {
    problems.push({ code: 'endBeforeStart', field: PLANNER_FIELD.end });
  }
  if (draft.place.trim() === '' && draft.onlineLink.trim() === '') {
    problems.push({ code: 'placeOrLinkMissing', field: PLANNER_FIELD.place });
  }
  if (draft.onlineLink.trim() !== '' && !isWebLink(draft.onlineLink.trim())) {
    problems.push({ code: 'linkInvalid', field: PLANNER_FIELD.link });
  }
  draft.agenda.forEach((item, index) => {
    if (draft.table === 'strategic' && concernsCase(item.purpose)) {
      problems.push({ code: 'caseAtStrategicTable', field: PLANNER_FIELD.purpose(index), item: index });
    } else if (concernsCase(item.purpose) && item.caseId === '') {
      problems.push({ code: 'caseMissing', field: PLANNER_FIELD.case(index), item: index });
    } else if (!concernsCase(item.purpose) && item.title.trim() === '') {
      problems.push({ code: 'titleMissing', field: PLANNER_FIELD.title(index), item: index });
    }
  });
  return problems;
}

/** The body of `PUT /meetings/{id}` (and, with the table, of the planning call). */
export function toReplan(draft: PlannerDraft): MeetingReplan {
  const startsAt = toInstant(draft.date, draft.startTime);
  const endsAt = toInstant(draft.date, draft.endTime);
  if (startsAt === null || endsAt === null) throw new Error('the planner draft has no valid times');
  return {
    startsAt,
    endsAt,
    place: draft.place.trim(),
    onlineLink: draft.onlineLink.trim(),
    invitees: [...draft.invitees],
    agenda: draft.agenda.map((item) =>
      concernsCase(item.purpose)
        ? { purpose: item.purpose, case: item.caseId, invitees: [...item.invitees] }
        : { purpose: item.purpose, title: item.title.trim(), invitees: [] },
    ),
  };
}

export function toCreate(draft: PlannerDraft): MeetingCreate {
  if (draft.table === '') throw new Error('the planner draft has no table');
  return { table: draft.table, ...toReplan(draft) };
}

/** A planned meeting as the form to change it. */
export function draftOf(meeting: Meeting): PlannerDraft {
  const start = localParts(meeting.startsAt);
  const end = localParts(meeting.endsAt);
  return {
    table: meeting.table,
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    place: meeting.place,
    onlineLink: meeting.onlineLink,
    invitees: meeting.invitees.map((person) => person.user),
    agenda: meeting.agenda.map((item, index) => ({
      key: index,
      purpose: item.purpose,
      caseId: item.case ?? '',
      title: item.title ?? '',
      invitees: [...item.invitees],
      purposeChosen: true,
    })),
  };
}

/**
 * The field a server issue is about (`agenda[1].case` → the second item's case), or `undefined`
 * when the form has no such field (then the summary shows the message without a link).
 */
export function plannerFieldOf(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const item = /^agenda\[(\d+)\]\.(case|title|purpose)$/.exec(name);
  if (item !== null) {
    const index = Number(item[1]);
    return item[2] === 'case' ? PLANNER_FIELD.case(index) : item[2] === 'title' ? PLANNER_FIELD.title(index) : PLANNER_FIELD.purpose(index);
  }
  const fields: Record<string, string> = {
    table: PLANNER_FIELD.table,
    startsAt: PLANNER_FIELD.start,
    endsAt: PLANNER_FIELD.end,
    place: PLANNER_FIELD.place,
    onlineLink: PLANNER_FIELD.link,
    invitees: PLANNER_FIELD.invitees,
  };
  return fields[name];
}
