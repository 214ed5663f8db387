import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorSummary, problemErrors, TextField, useFormErrors } from '@/components/form';

import { useAcceptInvitation } from '../api/use-cells';

const FIELD = { password: 'invitation-password', confirmation: 'invitation-confirmation' } as const;
export const MIN_PASSWORD_LENGTH = 12;

/**
 * The page of the invitation link (`/invitation#<token>`): choose a password, then sign in (and
 * enrol the authenticator app). The token comes from the fragment, which never reaches a server log.
 */
export function InvitationAcceptance({ token, onAccepted }: { token: string; onAccepted: () => void }) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { errors, attempt, fail, fieldError } = useFormErrors();

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) {
      fail([{ fieldId: FIELD.password, message: t('password.newTooShort', { min: MIN_PASSWORD_LENGTH }) }]);
      return;
    }
    if (confirmation !== password) {
      fail([{ fieldId: FIELD.confirmation, message: t('password.confirmMismatch') }]);
      return;
    }
    accept.mutate(
      { token, password },
      {
        onSuccess: onAccepted,
        onError(error) {
          fail(
            problemErrors(error, (name) => (name === 'password' ? FIELD.password : undefined), t('problem.generic')),
          );
        },
      },
    );
  }

  if (token === '') {
    return <p className="problem">{t('invitation.noToken')}</p>;
  }

  return (
    <>
      <p className="lead">{t('invitation.intro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={accept.isPending}>
        <TextField
          id={FIELD.password}
          type="password"
          label={t('invitation.password')}
          hint={t('password.newHint', { min: MIN_PASSWORD_LENGTH })}
          error={fieldError(FIELD.password)}
          value={password}
          autoComplete="new-password"
          onChange={(event) => {
            setPassword(event.target.value);
          }}
        />
        <TextField
          id={FIELD.confirmation}
          type="password"
          label={t('invitation.confirmation')}
          error={fieldError(FIELD.confirmation)}
          value={confirmation}
          autoComplete="new-password"
          onChange={(event) => {
            setConfirmation(event.target.value);
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={accept.isPending}>
            {t('invitation.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
