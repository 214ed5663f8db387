import '@testing-library/jest-dom/vitest';
import '@/i18n';

import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

import { session } from '@/api/session';
import { changeLanguage, DEFAULT_LANGUAGE } from '@/i18n';

// A loaded two-core CI machine renders lazy routes and charts slower than a laptop: `findBy…`
// waits up to 5 s instead of 1 s (a real regression still fails, only later).
configure({ asyncUtilTimeout: 5000 });

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
