import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '@/api/errors';
import { ErrorSummary, TextField, type FormError } from '@/components/form';

import { useChangePassword } from '../api/use-me';

const FIELD = {
  currentPassword: 'password-current',
  newPassword: 'password-new',
  confirmation: 'password-confirmation',
} as const;
const MIN_LENGTH = 12;

/** The server's findings are named after the body's fields; map them onto ours. */
function fieldOf(name: string | undefined): string | undefined {
  if (name === 'newPassword') return FIELD.newPassword;
  if (name === 'currentPassword') return FIELD.currentPassword;
  return undefined;
}

/**
 * Current password, new one twice. Success ends every session of the account: the app then shows
 * the sign-in page ("password changed, log in again").
 */
export function PasswordChangeForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);

  function fail(list: FormError[]) {
    setErrors(list);
    setAttempt((count) => count + 1);
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FormError[] = [];
    if (currentPassword === '') {
      found.push({ fieldId: FIELD.currentPassword, message: t('password.currentMissing') });
    }
    if (newPassword.length < MIN_LENGTH) {
      found.push({
        fieldId: FIELD.newPassword,
        message: t('password.newTooShort', { min: MIN_LENGTH }),
      });
    } else if (confirmation !== newPassword) {
      found.push({ fieldId: FIELD.confirmation, message: t('password.confirmMismatch') });
    }
    if (found.length > 0) {
      fail(found);
      return;
    }
    change.mutate(
      { currentPassword, newPassword },
      {
        onError(error) {
          if (!(error instanceof ApiError) || error.detail === undefined) {
            fail([{ message: t('problem.generic') }]);
          } else if (error.code === 'invalidCredentials') {
            fail([{ fieldId: FIELD.currentPassword, message: error.detail }]);
          } else if (error.issues.length > 0) {
            fail(error.issues.map((issue) => ({ fieldId: fieldOf(issue.name), message: issue.detail })));
          } else {
            fail([{ message: error.detail }]);
          }
        },
      },
    );
  }

  const fieldError = (fieldId: string) =>
    errors.find((error) => error.fieldId === fieldId)?.message;

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={change.isPending}>
        <TextField
          id={FIELD.currentPassword}
          name="currentPassword"
          type="password"
          label={t('password.current')}
          error={fieldError(FIELD.currentPassword)}
          value={currentPassword}
          onChange={(event) => {
            setCurrentPassword(event.target.value);
          }}
          autoComplete="current-password"
        />
        <TextField
          id={FIELD.newPassword}
          name="newPassword"
          type="password"
          label={t('password.new')}
          hint={t('password.newHint', { min: MIN_LENGTH })}
          error={fieldError(FIELD.newPassword)}
          value={newPassword}
          onChange={(event) => {
            setNewPassword(event.target.value);
          }}
          autoComplete="new-password"
        />
        <TextField
          id={FIELD.confirmation}
          name="confirmation"
          type="password"
          label={t('password.confirm')}
          error={fieldError(FIELD.confirmation)}
          value={confirmation}
          onChange={(event) => {
            setConfirmation(event.target.value);
          }}
          autoComplete="new-password"
        />
        <p className="muted">{t('password.note')}</p>
        <div className="form__actions">
          <button type="submit" className="button" disabled={change.isPending}>
            {t('password.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
