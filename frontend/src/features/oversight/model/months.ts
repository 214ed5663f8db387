import type { components } from '@/api/schema';

export type MonthCount = components['schemas']['MonthCount'];

/** The months the figures look back over: the current one and the eleven before it. */
export const MONTHS_SHOWN = 12;

function monthOf(year: number, monthIndex: number): string {
  return `${String(year)}-${String(monthIndex + 1).padStart(2, '0')}`;
}

/**
 * Meetings held per month over the last year, a month without a meeting included as 0: the API
 * lists only months with meetings, but a month without one is exactly what a mayor should see.
 * Months are counted in UTC, as the API counts them; `computedAt` is the end of the period.
 */
export function lastMonths(
  held: readonly MonthCount[],
  computedAt: string,
  count: number = MONTHS_SHOWN,
): MonthCount[] {
  const end = new Date(computedAt);
  if (Number.isNaN(end.getTime())) return [...held];
  const byMonth = new Map(held.map((entry) => [entry.month, entry.held]));
  const months: MonthCount[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const first = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - back, 1));
    const month = monthOf(first.getUTCFullYear(), first.getUTCMonth());
    months.push({ month, held: byMonth.get(month) ?? 0 });
  }
  return months;
}
