import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import {
  DEFAULT_LANGUAGE,
  DEFAULT_MESSAGES,
  isLanguage,
  LANGUAGES,
  loadMessages,
  type Language,
} from './languages';

/** Only the language choice is kept in the browser; never a token or case data. */
export const LANGUAGE_STORAGE_KEY = 'tafel.language';

function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null; // storage disabled by policy: fall back to the default
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // storage disabled by policy: the choice lasts for this page only
  }
}

function reflectInDocument(language: string): void {
  document.documentElement.lang = language;
}

i18n.on('languageChanged', reflectInDocument);

void i18n.use(initReactI18next).init({
  resources: { [DEFAULT_LANGUAGE]: { translation: DEFAULT_MESSAGES } },
  // The stored choice is switched to once its messages are here (`i18nReady`).
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  partialBundledLanguages: true,
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
reflectInDocument(DEFAULT_LANGUAGE);

/** Fetch a language's messages once (Dutch is always there). */
async function ensureMessages(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await loadMessages[language]());
}

/**
 * Resolves when the stored language is ready to show; the app renders after it, so a French
 * reader never sees a flash of Dutch. A failed download leaves the app in Dutch.
 */
export const i18nReady: Promise<void> = (async () => {
  const stored = readStoredLanguage();
  if (stored === null || stored === DEFAULT_LANGUAGE) return;
  try {
    await ensureMessages(stored);
    await i18n.changeLanguage(stored);
  } catch {
    // offline or a stale deployment: Dutch it is
  }
})();

export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/** Switch the UI language and remember the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await ensureMessages(language);
  await i18n.changeLanguage(language);
}

export { i18n };
export * from './languages';
