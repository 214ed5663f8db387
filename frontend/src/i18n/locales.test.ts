import { describe, expect, it } from 'vitest';

import { LANGUAGES } from './languages';
import de from './locales/de.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
import nl from './locales/nl.json';

const resources = {
  nl: { translation: nl },
  fr: { translation: fr },
  de: { translation: de },
  en: { translation: en },
};

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]: [string, unknown]) =>
    typeof value === 'object' && value !== null
      ? keysOf(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function valuesOf(tree: object): unknown[] {
  return Object.values(tree).flatMap((value: unknown) =>
    typeof value === 'object' && value !== null ? valuesOf(value) : [value],
  );
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('translations', () => {
  const reference = keysOf(resources.nl.translation).sort();

  it.each(LANGUAGES)('%s has exactly the keys of nl', (language) => {
    expect(keysOf(resources[language].translation).sort()).toEqual(reference);
  });

  it.each(LANGUAGES)('%s has a non-empty text for every key', (language) => {
    for (const value of valuesOf(resources[language].translation)) {
      expect(typeof value === 'string' && value.trim() !== '').toBe(true);
    }
  });

  it.each(LANGUAGES)('%s uses the same placeholders as nl', (language) => {
    const texts = resources[language].translation as Record<string, unknown>;
    const nl = resources.nl.translation as Record<string, unknown>;
    for (const key of reference) {
      const get = (tree: Record<string, unknown>) =>
        key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
      expect(placeholdersOf(String(get(texts))), key).toEqual(placeholdersOf(String(get(nl))));
    }
  });
});
