import { readFileSync } from 'node:fs';

import { type APIRequestContext, type Page, expect } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

/** The roles of the demo accounts the server seeds on its first start (`TAFEL_SEED_DEMO`). */
export type DemoRole =
  | 'platformAdministrator'
  | 'auditor'
  | 'chair'
  | 'informationOfficer'
  | 'member'
  | 'alderman'
  | 'mayor';

export interface Account {
  email: string;
  displayName: string;
  password: string;
  totpSecret: string;
}

function text(record: Record<string, unknown>, ...names: string[]): string {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string') return value;
  }
  throw new Error(`demo credentials without ${names.join('/')}`);
}

/** One demo account from the credentials file the server wrote (`TAFEL_DEMO_CREDENTIALS_FILE`). */
export function demoAccount(role: DemoRole): Account {
  const file = process.env.TAFEL_E2E_CREDENTIALS;
  if (file === undefined) throw new Error('TAFEL_E2E_CREDENTIALS is not set (playwright.config.ts)');
  const entries = JSON.parse(readFileSync(file, 'utf-8')) as Record<string, unknown>[];
  const entry = entries.find((candidate) => candidate.role === role);
  if (entry === undefined) throw new Error(`no demo account for ${role} in ${file}`);
  // The file spells its keys as the server's dataclass does (display_name, totp_secret).
  return {
    email: text(entry, 'email'),
    displayName: text(entry, 'displayName', 'display_name'),
    password: text(entry, 'password'),
    totpSecret: text(entry, 'totpSecret', 'totp_secret'),
  };
}

const PERIOD_MS = 30_000;
const lastStep = new Map<string, number>();

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A TOTP code (SHA1, 6 digits, 30 s) this test run has not used yet for the secret: the server
 * refuses a replayed step, so a second login within the same 30 seconds waits for the next one.
 * A code in the last two seconds of its step also waits, so it cannot expire on the way.
 */
export async function freshCode(secret: string): Promise<string> {
  let now = Date.now();
  const used = lastStep.get(secret);
  let step = Math.floor(now / PERIOD_MS);
  if ((used !== undefined && step <= used) || now % PERIOD_MS > PERIOD_MS - 2_000) {
    const next = Math.max(step, used ?? step) + 1;
    await sleep(next * PERIOD_MS - now + 100);
    now = Date.now();
    step = Math.floor(now / PERIOD_MS);
  }
  lastStep.set(secret, step);
  const totp = new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_MS / 1000,
  });
  return totp.generate({ timestamp: now });
}

/** Through the sign-in page, in Dutch: e-mail and password, then the six-digit code. */
export async function logIn(page: Page, account: Account, password = account.password) {
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await page.getByLabel('E-mailadres', { exact: true }).fill(account.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Doorgaan' }).click();
  await page.getByLabel('Code van zes cijfers').fill(await freshCode(account.totpSecret));
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

/** An access token for API calls made by the test itself (not by the page). */
export async function apiToken(request: APIRequestContext, account: Account): Promise<string> {
  const login = await request.post('/api/v1/auth/login', {
    data: { email: account.email, password: account.password },
  });
  expect(login.status()).toBe(200);
  const { challengeToken } = (await login.json()) as { challengeToken: string };
  const mfa = await request.post('/api/v1/auth/mfa', {
    data: { code: await freshCode(account.totpSecret) },
    headers: { Authorization: `Bearer ${challengeToken}` },
  });
  expect(mfa.status()).toBe(200);
  return ((await mfa.json()) as { accessToken: string }).accessToken;
}
