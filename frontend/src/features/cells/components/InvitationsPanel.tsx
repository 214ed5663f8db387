import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorSummary, problemErrors, SelectField, TextField, useFormErrors } from '@/components/form';
import { ProblemMessage } from '@/components/ProblemMessage';
import { AUTONYMS } from '@/i18n';
import { useFormat } from '@/i18n/format';

import {
  useInvitations,
  useInvite,
  useRenewInvitation,
  type Invitation,
  type InvitationRenewed,
  type InvitationState,
  type InvitationSummary,
} from '../api/use-cells';
import { INVITATION_LANGUAGES, type Language } from '../model/vocabulary';

const FIELD = { email: 'invite-email', displayName: 'invite-name', language: 'invite-language' } as const;

function fieldOf(name: string | undefined): string | undefined {
  if (name === 'email') return FIELD.email;
  if (name === 'displayName') return FIELD.displayName;
  if (name === 'language') return FIELD.language;
  return undefined;
}

const STATE_BADGE: Record<InvitationState, string> = {
  pending: 'badge',
  accepted: 'badge badge--ok',
  expired: 'badge badge--warning',
};

function InvitationRow({
  cellId,
  invitation,
  onRenewed,
}: {
  cellId: string;
  invitation: InvitationSummary;
  onRenewed: (renewed: InvitationRenewed) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const renew = useRenewInvitation(cellId);
  return (
    <tr>
      <th scope="row">{invitation.displayName}</th>
      <td>
        <span translate="no">{invitation.email}</span>
      </td>
      <td>
        <span className={STATE_BADGE[invitation.state]}>{t(`vocab.invitationState.${invitation.state}`)}</span>
      </td>
      <td>{format.instant(invitation.createdAt)}</td>
      <td>
        {invitation.state === 'accepted'
          ? invitation.acceptedAt === null || invitation.acceptedAt === undefined
            ? t('cells.invitations.linkUsed')
            : t('cells.invitations.acceptedOn', { date: format.instant(invitation.acceptedAt) })
          : format.instant(invitation.expiresAt)}
      </td>
      <td>
        {invitation.state !== 'accepted' && (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={renew.isPending}
            aria-label={`${t('cells.invitations.renew')}: ${invitation.displayName}`}
            onClick={() => {
              renew.mutate(invitation.id, { onSuccess: onRenewed });
            }}
          >
            {t('cells.invitations.renew')}
          </button>
        )}
        {renew.isError && <ProblemMessage error={renew.error} />}
      </td>
    </tr>
  );
}

/** The cell's invitations; a pending or expired one gets a new link on request. */
function InvitationList({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const invitations = useInvitations(cellId);
  const [renewed, setRenewed] = useState('');

  function onRenewed(invitation: InvitationRenewed) {
    setRenewed(
      invitation.mailSent
        ? t('cells.invitations.renewed', {
            email: invitation.email,
            date: format.instant(invitation.expiresAt),
          })
        : t('cells.invitations.renewedNotSent', { email: invitation.email }),
    );
  }

  return (
    <section className="panel" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('cells.invitations.listTitle')}</h2>
      <p>{t('cells.invitations.listIntro')}</p>
      {invitations.isError && <ProblemMessage error={invitations.error} />}
      {invitations.isPending && (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      <p className="notice" role="status">
        {renewed}
      </p>
      {invitations.data !== undefined &&
        (invitations.data.items.length === 0 ? (
          <p>{t('cells.invitations.empty')}</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">{t('cells.invitations.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cells.invitations.name')}</th>
                <th scope="col">{t('cells.invitations.email')}</th>
                <th scope="col">{t('cells.list.col.state')}</th>
                <th scope="col">{t('cells.invitations.sentAt')}</th>
                <th scope="col">{t('cells.invitations.expiresAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('cells.invitations.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.items.map((invitation) => (
                <InvitationRow key={invitation.id} cellId={cellId} invitation={invitation} onRenewed={onRenewed} />
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
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
    <>
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
      <InvitationList cellId={cellId} />
    </>
  );
}
