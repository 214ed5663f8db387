import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '@/api/errors';
import { session } from '@/api/session';
import { ErrorSummary, TextField, type FormError } from '@/components/form';
import { useFormat } from '@/i18n/format';

import { logIn, startEnrolment, verifyCode } from '../api/auth-api';
import { initialLoginState, loginReducer, type LoginEvent, type LoginState } from '../model/login-machine';

const FIELD = { email: 'login-email', password: 'login-password', code: 'login-code' } as const;
const SIX_DIGITS = /^\d{6}$/;

/** "ABCD EFGH …": a key typed by hand is easier to read in groups of four. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Signing in, step by step: e-mail and password; then the six-digit code, or first the enrolment
 * of an authenticator app (QR code and key). Ends with `session.signIn`; the page then moves on.
 */
export function LoginForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const [state, setState] = useState<LoginState>(initialLoginState);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(state.step);

  useEffect(() => {
    // A new step replaces the form: move the focus to its heading so it is read out.
    if (shownStep.current === state.step) return;
    shownStep.current = state.step;
    stepHeading.current?.focus();
  }, [state.step]);

  function fail(list: FormError[]) {
    setErrors(list);
    setAttempt((count) => count + 1);
  }

  function failWith(error: unknown, fieldId?: string) {
    if (error instanceof ApiError && error.status === 429 && error.retryAfterSec !== undefined) {
      fail([{ message: t('login.throttled', { when: format.inSeconds(error.retryAfterSec) }) }]);
    } else if (error instanceof ApiError && error.detail !== undefined) {
      fail([{ fieldId, message: error.detail }]);
    } else {
      fail([{ message: t('problem.generic') }]);
    }
  }

  function dispatch(event: LoginEvent): LoginState {
    const next = loginReducer(state, event);
    setErrors([]);
    setCode('');
    if (next.step === 'authenticated') session.signIn(next.token);
    else setState(next);
    return next;
  }

  async function run(task: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  }

  function submitPassword(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: FormError[] = [];
    if (email.trim() === '') missing.push({ fieldId: FIELD.email, message: t('login.emailMissing') });
    if (password === '') missing.push({ fieldId: FIELD.password, message: t('login.passwordMissing') });
    if (missing.length > 0) {
      fail(missing);
      return;
    }
    void run(async () => {
      try {
        const result = await logIn(email.trim(), password);
        setPassword('');
        const next = loginReducer(state, { type: 'passwordAccepted', result });
        if (next.step === 'enrolment') {
          // Asked here, once: every call makes a new secret and voids the QR code shown before.
          const enrolment = await startEnrolment(next.challengeToken);
          setErrors([]);
          setState({ ...next, enrolment });
        } else {
          dispatch({ type: 'passwordAccepted', result });
        }
      } catch (error) {
        failWith(error);
      }
    });
  }

  function submitCode(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.step !== 'code' && state.step !== 'enrolment') return;
    const digits = code.replace(/\s/g, '');
    if (!SIX_DIGITS.test(digits)) {
      fail([{ fieldId: FIELD.code, message: t('login.codeInvalid') }]);
      return;
    }
    const { challengeToken } = state;
    void run(async () => {
      try {
        dispatch({ type: 'codeAccepted', result: await verifyCode(challengeToken, digits) });
      } catch (error) {
        if (error instanceof ApiError && error.isTokenProblem) {
          // The challenge lasts five minutes: start again from the password.
          dispatch({ type: 'restart' });
          fail([{ message: t('login.challengeExpired') }]);
        } else {
          setCode('');
          failWith(error, FIELD.code);
        }
      }
    });
  }

  function restart() {
    dispatch({ type: 'restart' });
  }

  const fieldError = (fieldId: string) =>
    errors.find((error) => error.fieldId === fieldId)?.message;

  const codeField = (
    <TextField
      id={FIELD.code}
      name="code"
      label={t('login.code')}
      hint={t('login.codeHint')}
      error={fieldError(FIELD.code)}
      value={code}
      onChange={(event) => {
        setCode(event.target.value);
      }}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={7}
      spellCheck={false}
      className="field__input--code"
    />
  );

  const restartButton = (
    <button type="button" className="button button--secondary" onClick={restart} disabled={busy}>
      {t('login.restart')}
    </button>
  );

  return (
    <div className="login">
      <ErrorSummary errors={errors} attempt={attempt} />

      {state.step === 'credentials' && (
        <form className="form" noValidate onSubmit={submitPassword} aria-busy={busy}>
          <TextField
            id={FIELD.email}
            name="email"
            type="email"
            label={t('login.email')}
            error={fieldError(FIELD.email)}
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
            autoComplete="username"
            spellCheck={false}
          />
          <TextField
            id={FIELD.password}
            name="password"
            type="password"
            label={t('login.password')}
            error={fieldError(FIELD.password)}
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
            autoComplete="current-password"
          />
          <div className="form__actions">
            <button type="submit" className="button" disabled={busy}>
              {t('login.submit')}
            </button>
          </div>
        </form>
      )}

      {state.step === 'code' && (
        <form className="form" noValidate onSubmit={submitCode} aria-busy={busy}>
          <h2 ref={stepHeading} tabIndex={-1}>
            {t('login.codeTitle')}
          </h2>
          <p>{t('login.codeIntro')}</p>
          {codeField}
          <div className="form__actions">
            <button type="submit" className="button" disabled={busy}>
              {t('login.verify')}
            </button>
            {restartButton}
          </div>
        </form>
      )}

      {state.step === 'enrolment' && (
        <form className="form" noValidate onSubmit={submitCode} aria-busy={busy}>
          <h2 ref={stepHeading} tabIndex={-1}>
            {t('login.enrolTitle')}
          </h2>
          <p>{t('login.enrolIntro')}</p>
          <ol className="steps">
            <li>{t('login.enrolStep1')}</li>
            <li>
              <p>{t('login.enrolStep2')}</p>
              {state.enrolment === null ? (
                <p role="status">{t('login.enrolLoading')}</p>
              ) : (
                <>
                  <img
                    className="qr-code"
                    src={state.enrolment.qrCode}
                    alt={t('login.enrolQrAlt')}
                    width={200}
                    height={200}
                  />
                  <p>{t('login.enrolManual')}</p>
                  <p className="secret">
                    <span className="secret__label">{t('login.enrolSecretLabel')}</span>{' '}
                    <code className="secret__value" translate="no">
                      {grouped(state.enrolment.secret)}
                    </code>
                  </p>
                </>
              )}
            </li>
            <li>
              <p>{t('login.enrolStep3')}</p>
              {codeField}
            </li>
          </ol>
          <div className="form__actions">
            <button type="submit" className="button" disabled={busy}>
              {t('login.verify')}
            </button>
            {restartButton}
          </div>
        </form>
      )}
    </div>
  );
}
