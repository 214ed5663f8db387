/**
 * Retention periods (R-PRIV-6) travel as ISO 8601 durations. The API reads and writes them as
 * Python's `timedelta` does through pydantic: a year is 365 days, a month 30 days, a week 7; it
 * answers in its own normal form (730 days come back as `P2Y`, 720 days as `P1Y355D`). People
 * think in days or months, so the form converts both ways.
 */

export type RetentionUnit = 'days' | 'months';

const DAYS_PER = { Y: 365, M: 30, W: 7, D: 1 } as const;
const SECONDS_PER_DAY = 86_400;
const ISO_DURATION =
  /^P(?!$)(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

function amount(part: string | undefined): number {
  return part === undefined ? 0 : Number(part.replace(',', '.'));
}

/** The whole number of days of an ISO 8601 duration (rounded), or `null` if it is not one. */
export function durationToDays(iso: string): number | null {
  const match = ISO_DURATION.exec(iso.trim().toUpperCase());
  if (match === null) return null;
  const [, years, months, weeks, days, hours, minutes, seconds] = match;
  const total =
    amount(years) * DAYS_PER.Y +
    amount(months) * DAYS_PER.M +
    amount(weeks) * DAYS_PER.W +
    amount(days) * DAYS_PER.D +
    (amount(hours) * 3600 + amount(minutes) * 60 + amount(seconds)) / SECONDS_PER_DAY;
  return Math.round(total);
}

/** What the API receives: `P24M` for 24 months, `P730D` for 730 days. */
export function toIsoDuration(value: number, unit: RetentionUnit): string {
  const whole = Math.trunc(value);
  return unit === 'months' ? `P${String(whole)}M` : `P${String(whole)}D`;
}

/** A duration in days as the API counts it (a month is 30 days). */
export function inDays(value: number, unit: RetentionUnit): number {
  return unit === 'months' ? Math.trunc(value) * DAYS_PER.M : Math.trunc(value);
}

/** How to show a stored duration in the form again: in months when it is a whole number of them. */
export function fromDays(days: number): { value: number; unit: RetentionUnit } {
  return days >= DAYS_PER.M && days % DAYS_PER.M === 0
    ? { value: days / DAYS_PER.M, unit: 'months' }
    : { value: days, unit: 'days' };
}

/** The limits the API enforces (R-PRIV-6): at least 30 days, at most 30 years. */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 365 * 30;
