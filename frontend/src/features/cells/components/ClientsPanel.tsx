import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { CheckboxGroup, ErrorSummary, problemErrors, TextField, useFormErrors } from '@/components/form';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { useClients, useCreateClient, useRevokeClient, type Client, type ClientCreated } from '../api/use-cells';
import { SCOPES, scopeKey, type Scope } from '../model/vocabulary';

const FIELD = { name: 'client-name', scopes: 'client-scopes' } as const;

function CreateClientForm({ cellId, onCreated }: { cellId: string; onCreated: (client: ClientCreated) => void }) {
  const { t } = useTranslation();
  const create = useCreateClient(cellId);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const { errors, attempt, fail, clear, fieldError } = useFormErrors();

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = [];
    if (name.trim() === '') found.push({ fieldId: FIELD.name, message: t('cells.clients.nameMissing') });
    if (scopes.length === 0) found.push({ fieldId: `${FIELD.scopes}-0`, message: t('cells.clients.scopesMissing') });
    if (found.length > 0) {
      fail(found);
      return;
    }
    create.mutate(
      { name: name.trim(), scopes },
      {
        onSuccess(client) {
          clear();
          setName('');
          setScopes([]);
          onCreated(client);
        },
        onError(error) {
          fail(
            problemErrors(
              error,
              (issue) => (issue === 'name' ? FIELD.name : issue === 'scopes' ? `${FIELD.scopes}-0` : undefined),
              t('problem.generic'),
            ),
          );
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="client-create-title">
      <h2 id="client-create-title">{t('cells.clients.createTitle')}</h2>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={create.isPending}>
        <TextField
          id={FIELD.name}
          label={t('cells.clients.name')}
          hint={t('cells.clients.nameHint')}
          error={fieldError(FIELD.name)}
          value={name}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
        <CheckboxGroup
          id={FIELD.scopes}
          name="scopes"
          legend={t('cells.clients.scopes')}
          hint={t('cells.clients.scopesHint')}
          error={fieldError(`${FIELD.scopes}-0`)}
          choices={SCOPES.map((value) => ({ value, label: t(`vocab.scope.${scopeKey(value)}`) }))}
          values={scopes}
          onChange={setScopes}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('cells.clients.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ClientRow({ cellId, client }: { cellId: string; client: Client }) {
  const { t } = useTranslation();
  const format = useFormat();
  const revoke = useRevokeClient(cellId);
  return (
    <tr>
      <th scope="row">{client.name}</th>
      <td>{client.scopes.map((scope) => t(`vocab.scope.${scopeKey(scope)}`)).join(', ')}</td>
      <td>{format.instant(client.createdAt)}</td>
      <td>
        {client.active
          ? t('cells.clients.active')
          : t('cells.clients.revokedOn', { date: client.revokedAt === null || client.revokedAt === undefined ? '' : format.instant(client.revokedAt) })}
      </td>
      <td>
        {client.active && (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={revoke.isPending}
            onClick={() => {
              revoke.mutate(client.id);
            }}
          >
            {t('cells.clients.revoke')}
            <span className="visually-hidden"> {client.name}</span>
          </button>
        )}
        {revoke.isError && <ProblemMessage error={revoke.error} />}
      </td>
    </tr>
  );
}

/** Credentials for the municipality's own systems; none of their scopes ever reaches case content. */
export function ClientsPanel({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const clients = useClients(cellId);
  const [created, setCreated] = useState<ClientCreated | null>(null);
  return (
    <>
      <p>{t('cells.clients.intro')}</p>
      <CreateClientForm cellId={cellId} onCreated={setCreated} />
      {created !== null && (
        <section className="panel secret-panel" aria-labelledby="client-secret-title">
          <h2 id="client-secret-title">{t('cells.clients.secretTitle', { name: created.name })}</h2>
          <p>{t('cells.clients.secretOnce')}</p>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t('cells.clients.clientId')}</dt>
              <dd>
                <code translate="no">{created.id}</code>
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('cells.clients.secret')}</dt>
              <dd>
                <code translate="no" className="secret__value">
                  {created.clientSecret}
                </code>
              </dd>
            </div>
          </dl>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setCreated(null);
            }}
          >
            {t('cells.clients.secretStored')}
          </button>
        </section>
      )}
      <section className="panel" aria-labelledby="clients-title">
        <h2 id="clients-title">{t('cells.clients.title')}</h2>
        {clients.isError && <ProblemMessage error={clients.error} />}
        {clients.data !== undefined &&
          (clients.data.items.length === 0 ? (
            <p>{t('cells.clients.empty')}</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">{t('cells.clients.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cells.clients.name')}</th>
                  <th scope="col">{t('cells.clients.scopes')}</th>
                  <th scope="col">{t('cells.clients.createdAt')}</th>
                  <th scope="col">{t('cells.list.col.state')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('cells.clients.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {clients.data.items.map((client) => (
                  <ClientRow key={client.id} cellId={cellId} client={client} />
                ))}
              </tbody>
            </table>
          ))}
      </section>
    </>
  );
}
