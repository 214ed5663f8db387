import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorSummary, problemErrors, SelectField, TextField, useFormErrors } from '@/components/form';
import { AUTONYMS } from '@/i18n';
import { useFormat } from '@/i18n/format';

import { useInvite, type Invitation } from '../api/use-cells';
import { INVITATION_LANGUAGES, type Language } from '../model/vocabulary';

const FIELD = { email: 'invite-email', displayName: 'invite-name', language: 'invite-language' } as const;

function fieldOf(name: string | undefined): string | undefined {
  if (name === 'email') return FIELD.email;
  if (name === 'displayName') return FIELD.displayName;
  if (name === 'language') return FIELD.language;
  return undefined;
}

/** Invite a professional by e-mail; the chair seats them at a table once they have an account. */
export function InvitationsPanel({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const invite = useInvite(cellId);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [language, setLanguage] = useState<Language>('nl');
  const { errors, attempt, fail, clear, fieldError } = useFormErrors();
  const [sent, setSent] = useState<{ email: string; invitation: Invitation } | null>(null);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(null);
    const found = [];
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) {
      found.push({ fieldId: FIELD.email, message: t('cells.invitations.emailInvalid') });
    }
    if (displayName.trim() === '') {
      found.push({ fieldId: FIELD.displayName, message: t('cells.invitations.nameMissing') });
    }
    if (found.length > 0) {
      fail(found);
      return;
    }
    const address = email.trim();
    invite.mutate(
      { email: address, displayName: displayName.trim(), language },
      {
        onSuccess(invitation) {
          clear();
          setEmail('');
          setDisplayName('');
          setSent({ email: address, invitation });
        },
        onError(error) {
          fail(problemErrors(error, fieldOf, t('problem.generic')));
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('cells.invitations.title')}</h2>
      <p>{t('cells.invitations.intro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={invite.isPending}>
        <TextField
          id={FIELD.email}
          type="email"
          label={t('cells.invitations.email')}
          error={fieldError(FIELD.email)}
          value={email}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setEmail(event.target.value);
          }}
        />
        <TextField
          id={FIELD.displayName}
          label={t('cells.invitations.name')}
          error={fieldError(FIELD.displayName)}
          value={displayName}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => {
            setDisplayName(event.target.value);
          }}
        />
        <SelectField
          id={FIELD.language}
          label={t('cells.invitations.language')}
          hint={t('cells.invitations.languageHint')}
          value={language}
          onChange={(event) => {
            const value = INVITATION_LANGUAGES.find((candidate) => candidate === event.target.value);
            if (value !== undefined) setLanguage(value);
          }}
        >
          {INVITATION_LANGUAGES.map((value) => (
            <option key={value} value={value} lang={value}>
              {AUTONYMS[value]}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="submit" className="button" disabled={invite.isPending}>
            {t('cells.invitations.send')}
          </button>
        </div>
      </form>
      <div className="notice" role="status">
        {sent !== null && (
          <>
            <p>
              {sent.invitation.mailSent
                ? t('cells.invitations.sent', {
                    email: sent.email,
                    date: format.instant(sent.invitation.expiresAt),
                  })
                : t('cells.invitations.notSent', { email: sent.email })}
            </p>
            <p>
              <Link to={`/cells/${cellId}/tables`}>{t('cells.invitations.next')}</Link>
            </p>
          </>
        )}
      </div>
    </section>
  );
}
