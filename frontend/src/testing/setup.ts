import '@testing-library/jest-dom/vitest';
import '@/i18n';

import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

import { changeLanguage, DEFAULT_LANGUAGE } from '@/i18n';

afterEach(async () => {
  cleanup();
  await changeLanguage(DEFAULT_LANGUAGE);
  window.localStorage.clear();
});
