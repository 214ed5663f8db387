import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { DEFAULT_LANGUAGE, isLanguage, LOCALES } from './languages';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/**
 * A calendar day (`yyyy-mm-dd`, as the API sends `date` fields) as local midnight, so that it is
 * never shown as the day before in a time zone west of UTC. `null` for anything else.
 */
export function parseDay(value: string): Date | null {
  const match = ISO_DAY.exec(value);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

/** A calendar month (`yyyy-mm`, as the API sends monthly figures) as its first day; `null` otherwise. */
export function parseMonth(value: string): Date | null {
  const match = ISO_MONTH.exec(value);
  if (match === null) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? new Date(Number(match[1]), month - 1, 1) : null;
}

/** Today, or `date`, as the `yyyy-mm-dd` of the user's own calendar (date inputs, `max`). */
export function isoDay(date: Date = new Date()): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${String(date.getFullYear())}-${month}-${day}`;
}

/** Dates, numbers and durations in the UI language's Belgian conventions, through `Intl`. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  return useMemo(() => {
    const locale = LOCALES[language];
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'medium' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
    const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' });
    const shortMonth = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit' });
    const number = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    const fullDay = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    const monthYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' });
    const weekdayLong = new Intl.DateTimeFormat(locale, { weekday: 'long' });
    const weekdayShort = new Intl.DateTimeFormat(locale, { weekday: 'short' });
    return {
      locale,
      dateTime: (value: Date) => dateTime.format(value),
      /** An ISO date-time from the API, or the text itself when it is not one. */
      instant: (value: string) => {
        const parsed = new Date(value);
        return Number.isNaN(parsed.getTime()) ? value : dateTime.format(parsed);
      },
      /** A calendar day from the API (`yyyy-mm-dd`), or the text itself when it is not one. */
      day: (value: string) => {
        const parsed = parseDay(value);
        return parsed === null ? value : date.format(parsed);
      },
      /** A day with its weekday ("donderdag 14 mei 2026"), from a date or an ISO instant. */
      fullDay: (value: Date | string) => fullDay.format(typeof value === 'string' ? new Date(value) : value),
      /** The time of an ISO instant on the user's clock ("14:00"). */
      clock: (value: string) => clock.format(new Date(value)),
      /** "donderdag 14 mei 2026, 14:00–16:00" for a meeting's start and end on one day. */
      meetingTime: (startsAt: string, endsAt: string) =>
        `${fullDay.format(new Date(startsAt))}, ${clock.format(new Date(startsAt))}–${clock.format(new Date(endsAt))}`,
      monthYear: (value: Date) => monthYear.format(value),
      weekdayLong: (value: Date) => weekdayLong.format(value),
      weekdayShort: (value: Date) => weekdayShort.format(value),
      /** A calendar month from the API (`yyyy-mm`): "mei 2026"; `short` for an axis: "mei 26". */
      month: (value: string, style: 'long' | 'short' = 'long') => {
        const parsed = parseMonth(value);
        if (parsed === null) return value;
        return style === 'long' ? month.format(parsed) : shortMonth.format(parsed);
      },
      number: (value: number) => number.format(value),
      /** A share between 0 and 1 as a percentage: 0.625 → "62,5 %". */
      percent: (value: number) => percent.format(value),
      list: (values: readonly string[]) => list.format(values),
      /** "in 2 minutes" for a wait in seconds, rounded to the unit a person would use. */
      inSeconds: (seconds: number) =>
        seconds < 90
          ? relative.format(seconds, 'second')
          : relative.format(Math.ceil(seconds / 60), 'minute'),
    };
  }, [language]);
}
