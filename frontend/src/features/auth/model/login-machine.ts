import type { IssuedAccessToken } from '@/api/session';

import type { AuthenticationResult, Enrolment } from '../api/auth-api';

/**
 * The steps of signing in: e-mail and password, then either the six-digit code or, for an
 * account without a second factor yet, its enrolment (QR code, then the first code).
 */
export type LoginState =
  | { step: 'credentials' }
  | { step: 'code'; challengeToken: string }
  | { step: 'enrolment'; challengeToken: string; enrolment: Enrolment | null }
  | { step: 'authenticated'; token: IssuedAccessToken; passwordChangeRequired: boolean };

export type LoginEvent =
  | { type: 'passwordAccepted'; result: AuthenticationResult }
  | { type: 'enrolmentStarted'; enrolment: Enrolment }
  | { type: 'codeAccepted'; result: AuthenticationResult }
  /** Start again: another account, or the challenge expired. */
  | { type: 'restart' };

export const initialLoginState: LoginState = { step: 'credentials' };

/** Where an answer of `/auth/login` or `/auth/mfa` leads. */
function afterResult(result: AuthenticationResult): LoginState {
  switch (result.status) {
    case 'authenticated':
      if (typeof result.accessToken !== 'string' || typeof result.expiresIn !== 'number') break;
      return {
        step: 'authenticated',
        token: {
          accessToken: result.accessToken,
          expiresIn: result.expiresIn,
          passwordChangeRequired: result.passwordChangeRequired === true,
        },
        passwordChangeRequired: result.passwordChangeRequired === true,
      };
    case 'secondFactorRequired':
      if (typeof result.challengeToken !== 'string') break;
      return { step: 'code', challengeToken: result.challengeToken };
    case 'enrolmentRequired':
      if (typeof result.challengeToken !== 'string') break;
      return { step: 'enrolment', challengeToken: result.challengeToken, enrolment: null };
  }
  throw new Error(`unexpected login answer: ${result.status}`);
}

export function loginReducer(state: LoginState, event: LoginEvent): LoginState {
  switch (event.type) {
    case 'restart':
      return initialLoginState;
    case 'passwordAccepted':
      return state.step === 'credentials' ? afterResult(event.result) : state;
    case 'enrolmentStarted':
      return state.step === 'enrolment' ? { ...state, enrolment: event.enrolment } : state;
    case 'codeAccepted': {
      if (state.step !== 'code' && state.step !== 'enrolment') return state;
      const next = afterResult(event.result);
      return next.step === 'authenticated' ? next : state;
    }
  }
}
