import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { defineConfig, devices } from '@playwright/test';

// The browser tests run against the real API process serving the built app (`npm run build`
// first; `make e2e` does), on a fresh SQLite file, in Debian's Chromium: Playwright's own
// browser downloads are not available here.
const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, '..');
const port = Number(process.env.TAFEL_E2E_PORT ?? '8765');
const baseURL = `http://127.0.0.1:${String(port)}`;

// Fixed once in the runner process; its workers inherit them. On its first start the server seeds
// the demo accounts and writes their passwords and TOTP secrets to the credentials file, which the
// tests read (tests/e2e/accounts.ts); the global teardown removes both files.
const run = String(Date.now());
process.env.TAFEL_E2E_DATABASE ??= resolve(repository, 'var', `e2e-${run}.db`);
process.env.TAFEL_E2E_CREDENTIALS ??= resolve(repository, 'var', `e2e-credentials-${run}.json`);

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  globalTeardown: './tests/e2e/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: 'en-GB',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.TAFEL_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `${resolve(repository, '.venv/bin/tafel')} serve --migrate --port ${String(port)}`,
    cwd: repository,
    url: `${baseURL}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      TAFEL_DATABASE_URL: `sqlite+aiosqlite:///${process.env.TAFEL_E2E_DATABASE}`,
      TAFEL_SPA_DIR: resolve(here, 'dist'),
      TAFEL_PROFILE: 'demo',
      TAFEL_SEED_DEMO: 'true',
      TAFEL_DEMO_CREDENTIALS_FILE: process.env.TAFEL_E2E_CREDENTIALS,
      // Minimal argon2 cost: the browser tests are about the app, not the hashing.
      TAFEL_PASSWORD_HASHING: 'fast',
    },
  },
});
