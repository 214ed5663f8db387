import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { SelectField } from '@/components/form';
import { ProblemMessage } from '@/components/ProblemMessage';

import { useAddParticipant, useRemoveParticipant } from '../api/use-cases';
import type { CaseContext } from './case-context';

/** Need to know (R-PRIV-5): the partners taking part in the case; the chair invites and removes them. */
export function ParticipantsPanel({ context }: { context: CaseContext }) {
  const { t } = useTranslation();
  const { kase } = context;
  const add = useAddParticipant(context.cellId, kase.id);
  const remove = useRemoveParticipant(context.cellId, kase.id);
  const [organisation, setOrganisation] = useState('');
  const [message, setMessage] = useState('');
  const candidates = context.organisations.filter(
    (o) => o.participation === 'sitting' && !kase.participants.includes(o.id),
  );

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage('');
    if (organisation === '') return;
    const name = context.organisationName(organisation);
    add.mutate(organisation, {
      onSuccess() {
        setOrganisation('');
        setMessage(t('cases.participants.added', { name }));
      },
    });
  }

  return (
    <>
      <p>{t('cases.participants.intro')}</p>
      <ul className="participant-list">
        {kase.participants.map((id) => {
          const name = context.organisationName(id);
          const holder = id === kase.referenceHolder;
          return (
            <li key={id} className="participant">
              <span>
                {name}
                {holder && <span className="badge badge--accent">{t('cases.participants.referenceHolder')}</span>}
              </span>
              {context.chair && !holder && kase.status !== 'closed' && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={remove.isPending}
                  onClick={() => {
                    setMessage('');
                    remove.mutate(id, {
                      onSuccess() {
                        setMessage(t('cases.participants.removed', { name }));
                      },
                    });
                  }}
                >
                  {t('cases.participants.remove')}
                  <span className="visually-hidden"> {name}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p className="inline-status" role="status">
        {message}
      </p>
      {remove.isError && <ProblemMessage error={remove.error} />}
      {context.chair && kase.status !== 'closed' && (
        <form className="form inline-form" noValidate onSubmit={onSubmit} aria-busy={add.isPending}>
          <SelectField
            id="participant-new"
            label={t('cases.participants.invite')}
            value={organisation}
            onChange={(event) => {
              setOrganisation(event.target.value);
            }}
          >
            <option value="">{t('common.choose')}</option>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button" disabled={add.isPending || organisation === ''}>
            {t('cases.participants.inviteSubmit')}
          </button>
          {add.isError && <ProblemMessage error={add.error} />}
        </form>
      )}
    </>
  );
}
