import de from './locales/de.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
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

export const resources = {
  nl: { translation: nl },
  fr: { translation: fr },
  de: { translation: de },
  en: { translation: en },
} as const satisfies Record<Language, { translation: Messages }>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
