/**
 * The month view's calendar, in the user's own time zone: weeks from Monday to Sunday (the
 * Belgian convention), the keys that move between days (the WAI-ARIA grid pattern of a date
 * picker), and meetings grouped per day and per week.
 */
import { isoDay, parseDay } from '@/i18n/format';

export interface Month {
  year: number;
  /** 0 = January, as `Date` counts. */
  month: number;
}

/** A week of the grid: seven days from Monday, `null` for the days of the months around it. */
export type Week = (Date | null)[];

const MONTH = /^(\d{4})-(\d{2})$/;

/** `yyyy-mm` (the month in the address) → the month; `null` for anything else. */
export function parseMonth(value: string | null): Month | null {
  const match = value === null ? null : MONTH.exec(value);
  if (match === null) return null;
  const month = Number(match[2]) - 1;
  if (month < 0 || month > 11) return null;
  return { year: Number(match[1]), month };
}

export function formatMonth({ year, month }: Month): string {
  return `${String(year)}-${String(month + 1).padStart(2, '0')}`;
}

export function monthOf(date: Date): Month {
  return { year: date.getFullYear(), month: date.getMonth() };
}

export function addMonths({ year, month }: Month, count: number): Month {
  const total = year * 12 + month + count;
  return { year: Math.floor(total / 12), month: ((total % 12) + 12) % 12 };
}

export function sameMonth(date: Date, { year, month }: Month): boolean {
  return date.getFullYear() === year && date.getMonth() === month;
}

export function addDays(date: Date, count: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + count);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: Date): number {
  return (date.getDay() + 6) % 7;
}

/** The Monday of the week the day is in (local midnight). */
export function startOfWeek(date: Date): Date {
  return addDays(new Date(date.getFullYear(), date.getMonth(), date.getDate()), -weekdayIndex(date));
}

/** Monday to Sunday of one week, for the names of the grid's columns. */
export function weekDays(): Date[] {
  return Array.from({ length: 7 }, (_, index) => new Date(2024, 0, 1 + index)); // 1 January 2024 was a Monday
}

/** The weeks of a month, Monday first; days of the months before and after are `null`. */
export function monthGrid({ year, month }: Month): Week[] {
  const first = new Date(year, month, 1);
  const days = new Date(year, month + 1, 0).getDate();
  const weeks: Week[] = [];
  let week: Week = Array.from({ length: weekdayIndex(first) }, () => null);
  for (let day = 1; day <= days; day += 1) {
    week.push(new Date(year, month, day));
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

/** The same day of another month, or its last day when it has fewer (31 January → 28 February). */
function shiftMonth(date: Date, count: number): Date {
  const target = addMonths(monthOf(date), count);
  const last = new Date(target.year, target.month + 1, 0).getDate();
  return new Date(target.year, target.month, Math.min(date.getDate(), last));
}

/**
 * Where a key moves the focus from a day: arrows by a day or a week, Home and End to the week's
 * Monday and Sunday, Page Up and Page Down by a month. `null` for any other key.
 */
export function moveDay(date: Date, key: string): Date | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return startOfWeek(date);
    case 'End':
      return addDays(startOfWeek(date), 6);
    case 'PageUp':
      return shiftMonth(date, -1);
    case 'PageDown':
      return shiftMonth(date, 1);
    default:
      return null;
  }
}

/** The day (`yyyy-mm-dd`, the user's time zone) an instant from the API falls on. */
export function dayOf(instant: string): string {
  return isoDay(new Date(instant));
}

interface Timed {
  startsAt: string;
}

function byStart(a: Timed, b: Timed): number {
  return Date.parse(a.startsAt) - Date.parse(b.startsAt);
}

/** Meetings per day (`yyyy-mm-dd`), each day's in order of their start. */
export function groupByDay<T extends Timed>(items: readonly T[]): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const item of [...items].sort(byStart)) {
    const key = dayOf(item.startsAt);
    days.set(key, [...(days.get(key) ?? []), item]);
  }
  return days;
}

export interface WeekGroup<T> {
  /** The Monday of the week, `yyyy-mm-dd`. */
  monday: string;
  items: T[];
}

/** Meetings per week (from Monday), in order; `descending` puts the latest week and meeting first. */
export function groupByWeek<T extends Timed>(items: readonly T[], descending = false): WeekGroup<T>[] {
  const sorted = [...items].sort(byStart);
  if (descending) sorted.reverse();
  const groups: WeekGroup<T>[] = [];
  for (const item of sorted) {
    const monday = isoDay(startOfWeek(new Date(item.startsAt)));
    const last = groups.at(-1);
    if (last?.monday === monday) last.items.push(item);
    else groups.push({ monday, items: [item] });
  }
  return groups;
}

/** The Monday of a week group as a date (local midnight). */
export function mondayDate(monday: string): Date {
  return parseDay(monday) ?? new Date(monday);
}
