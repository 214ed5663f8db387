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
 * A TOTP code (SHA1, 6 digits, 30 s) of a step this test run has not used yet for the secret: the
 * server refuses a replayed step (and any step before the last one used). It accepts one step of
 * clock drift either way, so when the current step is used up the code of the next step is valid
 * at once — like the code of a phone whose clock runs a little ahead. Only a third use within the
 * same 30 seconds waits for a new step.
 */
export async function freshCode(secret: string): Promise<string> {
  let now = Date.now();
  const used = lastStep.get(secret);
  let step = Math.floor(now / PERIOD_MS);
  let target = used === undefined ? step : Math.max(step, used + 1);
  if (target > step + 1) {
    // The next step is used too: wait until the one after it is within the drift window.
    await sleep((target - 1) * PERIOD_MS - now + 100);
    now = Date.now();
    step = Math.floor(now / PERIOD_MS);
    target = Math.max(step, target);
  }
  lastStep.set(secret, target);
  const totp = new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_MS / 1000,
  });
  return totp.generate({ timestamp: target * PERIOD_MS + 1_000 });
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

/**
 * The password `login.spec.ts` gives the CLB member when it tests the password change. Files run
 * in alphabetical order, so a later file (`meetings.spec.ts`) signs in with either.
 */
export const MEMBER_NEW_PASSWORD = 'a long sentence nobody guesses';

/**
 * An access token for API calls made by the test itself (not by the page). `passwords` are tried
 * in turn (a wrong one costs no TOTP code: the code is asked only after the password is accepted).
 */
export async function apiToken(
  request: APIRequestContext,
  account: Account,
  passwords: readonly string[] = [account.password],
): Promise<string> {
  let challengeToken: string | null = null;
  for (const password of passwords) {
    const login = await request.post('/api/v1/auth/login', { data: { email: account.email, password } });
    if (login.status() === 200) {
      challengeToken = ((await login.json()) as { challengeToken: string }).challengeToken;
      break;
    }
    expect(login.status(), `login of ${account.email}`).toBe(401);
  }
  if (challengeToken === null) throw new Error(`no password of ${account.email} was accepted`);
  const mfa = await request.post('/api/v1/auth/mfa', {
    data: { code: await freshCode(account.totpSecret) },
    headers: { Authorization: `Bearer ${challengeToken}` },
  });
  expect(mfa.status()).toBe(200);
  return ((await mfa.json()) as { accessToken: string }).accessToken;
}
