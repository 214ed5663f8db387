import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { components } from '@/api/schema';
import { session } from '@/api/session';

export type AuthenticationResult = components['schemas']['AuthenticationResult'];
export type Enrolment = components['schemas']['Enrolment'];

function challenge(token: string) {
  return { Authorization: `Bearer ${token}` };
}

/** Step one: e-mail and password. 401 for any wrong input, 429 when throttled. */
export async function logIn(email: string, password: string): Promise<AuthenticationResult> {
  return unwrap(await api.POST('/api/v1/auth/login', { body: { email, password } }));
}

/** A new TOTP secret and its QR code, for an `enrolmentRequired` challenge. */
export async function startEnrolment(challengeToken: string): Promise<Enrolment> {
  return unwrap(
    await api.POST('/api/v1/auth/mfa/enrolment', { headers: challenge(challengeToken) }),
  );
}

/** Step two: the six-digit code; the answer carries the access token and sets the cookie. */
export async function verifyCode(
  challengeToken: string,
  code: string,
): Promise<AuthenticationResult> {
  return unwrap(
    await api.POST('/api/v1/auth/mfa', { body: { code }, headers: challenge(challengeToken) }),
  );
}

/** End every session of the account; locally the session ends whatever the server said. */
export async function logOut(): Promise<void> {
  try {
    if (session.getAccessToken() !== null) await api.POST('/api/v1/auth/logout');
  } finally {
    session.end('loggedOut');
  }
}
