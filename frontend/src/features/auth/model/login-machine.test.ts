import { describe, expect, it } from 'vitest';

import { initialLoginState, loginReducer, type LoginState } from './login-machine';

const enrolment = { secret: 'JBSWY3DPEHPK3PXP', provisioningUri: 'otpauth://totp/x', qrCode: 'data:image/svg+xml;base64,' };

describe('the login state machine', () => {
  it('goes from the password to the code', () => {
    const next = loginReducer(initialLoginState, {
      type: 'passwordAccepted',
      result: { status: 'secondFactorRequired', challengeToken: 'challenge' },
    });
    expect(next).toEqual({ step: 'code', challengeToken: 'challenge' });
  });

  it('goes from the password to the enrolment, then shows its QR code', () => {
    const enrolling = loginReducer(initialLoginState, {
      type: 'passwordAccepted',
      result: { status: 'enrolmentRequired', challengeToken: 'challenge' },
    });
    expect(enrolling).toEqual({ step: 'enrolment', challengeToken: 'challenge', enrolment: null });

    expect(loginReducer(enrolling, { type: 'enrolmentStarted', enrolment })).toEqual({
      step: 'enrolment',
      challengeToken: 'challenge',
      enrolment,
    });
  });

  it('is authenticated by a correct code, after the code or the enrolment step', () => {
    const result = { status: 'authenticated' as const, accessToken: 'access', expiresIn: 600 };
    const expected = {
      step: 'authenticated',
      token: { accessToken: 'access', expiresIn: 600, passwordChangeRequired: false },
      passwordChangeRequired: false,
    };
    const code: LoginState = { step: 'code', challengeToken: 'c' };
    const enrolling: LoginState = { step: 'enrolment', challengeToken: 'c', enrolment };

    expect(loginReducer(code, { type: 'codeAccepted', result })).toEqual(expected);
    expect(loginReducer(enrolling, { type: 'codeAccepted', result })).toEqual(expected);
  });

  it('passes on that a one-time password must be replaced', () => {
    const next = loginReducer(
      { step: 'code', challengeToken: 'c' },
      {
        type: 'codeAccepted',
        result: { status: 'authenticated', accessToken: 'a', expiresIn: 600, passwordChangeRequired: true },
      },
    );
    expect(next).toMatchObject({ step: 'authenticated', passwordChangeRequired: true });
  });

  it('is authenticated by the password alone when the server waives the code (demo)', () => {
    const next = loginReducer(initialLoginState, {
      type: 'passwordAccepted',
      result: { status: 'authenticated', accessToken: 'a', expiresIn: 600 },
    });
    expect(next.step).toBe('authenticated');
  });

  it('starts again from the password', () => {
    expect(loginReducer({ step: 'code', challengeToken: 'c' }, { type: 'restart' })).toEqual(
      initialLoginState,
    );
  });

  it('ignores events that do not fit the step', () => {
    const code: LoginState = { step: 'code', challengeToken: 'c' };
    expect(loginReducer(code, { type: 'enrolmentStarted', enrolment })).toBe(code);
    expect(
      loginReducer(initialLoginState, {
        type: 'codeAccepted',
        result: { status: 'authenticated', accessToken: 'a', expiresIn: 600 },
      }),
    ).toBe(initialLoginState);
  });

  it('refuses an answer without the token it announces', () => {
    expect(() =>
      loginReducer(initialLoginState, {
        type: 'passwordAccepted',
        result: { status: 'secondFactorRequired' },
      }),
    ).toThrow(/unexpected login answer/);
  });
});
