import nl from './locales/nl.json';

/** Dutch first, then French, German, English: the order of the language switch too. */
export const LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';

/** Each language named in itself, so a reader finds theirs whatever is shown now. */
export const AUTONYMS: Record<Language, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  de: 'Deutsch',
  en: 'English',
};

/** The locale `Intl` formats with: Belgian conventions in every language. */
export const LOCALES: Record<Language, string> = {
  nl: 'nl-BE',
  fr: 'fr-BE',
  de: 'de-BE',
  en: 'en-BE',
};

export type Messages = typeof nl;

/**
 * Dutch, the default and the fallback, is part of the first download; the other languages are
 * fetched when chosen (one chunk each), so the first page does not carry four dictionaries.
 */
export const DEFAULT_MESSAGES: Messages = nl;

export const loadMessages: Record<Language, () => Promise<Messages>> = {
  nl: () => Promise.resolve(nl),
  fr: () => import('./locales/fr.json').then((module) => module.default),
  de: () => import('./locales/de.json').then((module) => module.default),
  en: () => import('./locales/en.json').then((module) => module.default),
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
