import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { DEFAULT_LANGUAGE, isLanguage, LOCALES } from './languages';

/** Dates, numbers and durations in the UI language's Belgian conventions, through `Intl`. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  return useMemo(() => {
    const locale = LOCALES[language];
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'medium' });
    const number = new Intl.NumberFormat(locale);
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    return {
      locale,
      dateTime: (value: Date) => dateTime.format(value),
      number: (value: number) => number.format(value),
      /** "in 2 minutes" for a wait in seconds, rounded to the unit a person would use. */
      inSeconds: (seconds: number) =>
        seconds < 90
          ? relative.format(seconds, 'second')
          : relative.format(Math.ceil(seconds / 60), 'minute'),
    };
  }, [language]);
}
