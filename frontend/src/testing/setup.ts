import '@testing-library/jest-dom/vitest';
import '@/i18n';

import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

import { session } from '@/api/session';
import { changeLanguage, DEFAULT_LANGUAGE } from '@/i18n';

beforeEach(() => {
  // Every test starts signed out; one that needs a user signs in (`session.signIn`).
  session.reset();
});

afterEach(async () => {
  cleanup();
  session.reset();
  await changeLanguage(DEFAULT_LANGUAGE);
  window.localStorage.clear();
});
