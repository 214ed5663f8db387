import { describe, expect, it } from 'vitest';

import { isoDay } from '@/i18n/format';

import {
  addMonths,
  formatMonth,
  groupByDay,
  groupByWeek,
  monthGrid,
  moveDay,
  parseMonth,
  startOfWeek,
  weekDays,
} from './calendar';

const day = (value: Date | null) => (value === null ? null : isoDay(value));

describe('the month grid', () => {
  it('starts its weeks on Monday and leaves the days of other months empty', () => {
    // May 2026 starts on a Friday and ends on a Sunday.
    const weeks = monthGrid({ year: 2026, month: 4 });
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.map(day)).toEqual([null, null, null, null, '2026-05-01', '2026-05-02', '2026-05-03']);
    expect(weeks[4]?.map(day)).toEqual(['2026-05-25', '2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29', '2026-05-30', '2026-05-31']);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('pads the last week, and needs six rows for a long month starting on Sunday', () => {
    // March 2026 starts on a Sunday: 1 + 4 × 7 + 2 days.
    const weeks = monthGrid({ year: 2026, month: 2 });
    expect(weeks).toHaveLength(6);
    expect(weeks[5]?.map(day)).toEqual(['2026-03-30', '2026-03-31', null, null, null, null, null]);
    // February 2027 starts on a Monday and fills four rows exactly.
    expect(monthGrid({ year: 2027, month: 1 })).toHaveLength(4);
  });

  it('names its columns from Monday to Sunday', () => {
    expect(weekDays().map((date) => date.getDay())).toEqual([1, 2, 3, 4, 5, 6, 0]);
  });
});

describe('moving between days with the keyboard', () => {
  const thursday = new Date(2026, 4, 14);

  it.each([
    ['ArrowLeft', '2026-05-13'],
    ['ArrowRight', '2026-05-15'],
    ['ArrowUp', '2026-05-07'],
    ['ArrowDown', '2026-05-21'],
    ['Home', '2026-05-11'],
    ['End', '2026-05-17'],
    ['PageUp', '2026-04-14'],
    ['PageDown', '2026-06-14'],
  ])('%s moves to %s', (key, expected) => {
    expect(day(moveDay(thursday, key))).toBe(expected);
  });

  it('crosses month and year boundaries, and keeps to the last day of a shorter month', () => {
    expect(day(moveDay(new Date(2026, 0, 1), 'ArrowLeft'))).toBe('2025-12-31');
    expect(day(moveDay(new Date(2026, 11, 28), 'ArrowDown'))).toBe('2027-01-04');
    expect(day(moveDay(new Date(2026, 0, 31), 'PageDown'))).toBe('2026-02-28');
    expect(day(moveDay(new Date(2024, 2, 31), 'PageUp'))).toBe('2024-02-29');
  });

  it('ignores other keys', () => {
    expect(moveDay(thursday, 'Enter')).toBeNull();
    expect(moveDay(thursday, 'a')).toBeNull();
  });

  it('finds the Monday of a Sunday in the week before', () => {
    expect(day(startOfWeek(new Date(2026, 4, 17)))).toBe('2026-05-11');
  });
});

describe('months in the address', () => {
  it('reads and writes yyyy-mm', () => {
    expect(parseMonth('2026-05')).toEqual({ year: 2026, month: 4 });
    expect(formatMonth({ year: 2026, month: 4 })).toBe('2026-05');
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('mei')).toBeNull();
    expect(parseMonth(null)).toBeNull();
  });

  it('adds months across years', () => {
    expect(addMonths({ year: 2026, month: 11 }, 1)).toEqual({ year: 2027, month: 0 });
    expect(addMonths({ year: 2026, month: 0 }, -1)).toEqual({ year: 2025, month: 11 });
    expect(addMonths({ year: 2026, month: 4 }, -17)).toEqual({ year: 2024, month: 11 });
  });
});

describe('grouping meetings', () => {
  const at = (year: number, month: number, date: number, hour: number) => ({
    id: `${String(month)}-${String(date)}-${String(hour)}`,
    startsAt: new Date(year, month, date, hour).toISOString(),
  });

  it('per day of the user’s calendar, in order of their start', () => {
    const days = groupByDay([at(2026, 4, 14, 16), at(2026, 4, 14, 9), at(2026, 4, 15, 9)]);
    expect([...days.keys()]).toEqual(['2026-05-14', '2026-05-15']);
    expect(days.get('2026-05-14')?.map((m) => m.id)).toEqual(['4-14-9', '4-14-16']);
  });

  it('per week from Monday, latest first when asked', () => {
    const meetings = [at(2026, 4, 17, 9), at(2026, 4, 11, 9), at(2026, 4, 18, 9), at(2026, 4, 10, 9)];
    expect(groupByWeek(meetings).map((group) => [group.monday, group.items.map((m) => m.id)])).toEqual([
      ['2026-05-04', ['4-10-9']],
      ['2026-05-11', ['4-11-9', '4-17-9']],
      ['2026-05-18', ['4-18-9']],
    ]);
    expect(groupByWeek(meetings, true).map((group) => group.monday)).toEqual(['2026-05-18', '2026-05-11', '2026-05-04']);
    expect(groupByWeek(meetings, true)[1]?.items.map((m) => m.id)).toEqual(['4-17-9', '4-11-9']);
  });
});
