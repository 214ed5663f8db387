import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorSummary, problemErrors, SelectField, TextField, useFormErrors } from '@/components/form';
import { ProblemMessage } from '@/components/ProblemMessage';

import {
  useAddOrganisation,
  useOrganisations,
  useUpdateOrganisation,
  type Organisation,
} from '../api/use-cells';
import {
  EXCLUDED_ORGANISATION_TYPES,
  ORGANISATION_TYPES,
  PARTICIPATIONS,
  type OrganisationType,
  type Participation,
} from '../model/vocabulary';

const FIELD = { name: 'organisation-name', type: 'organisation-type' } as const;

function AddOrganisationForm({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const add = useAddOrganisation(cellId);
  const [name, setName] = useState('');
  const [type, setType] = useState<OrganisationType | ''>('');
  const { errors, attempt, fail, clear, fieldError } = useFormErrors();
  const [added, setAdded] = useState('');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded('');
    const found = [];
    if (name.trim() === '') found.push({ fieldId: FIELD.name, message: t('cells.organisations.nameMissing') });
    if (type === '') found.push({ fieldId: FIELD.type, message: t('cells.organisations.typeMissing') });
    if (found.length > 0 || type === '') {
      fail(found);
      return;
    }
    add.mutate(
      { name: name.trim(), type },
      {
        onSuccess(organisation) {
          clear();
          setName('');
          setType('');
          setAdded(t('cells.organisations.added', { name: organisation.name }));
          document.getElementById(FIELD.name)?.focus();
        },
        onError(error) {
          fail(
            problemErrors(
              error,
              (issue) => (issue === 'name' ? FIELD.name : issue === 'type' ? FIELD.type : undefined),
              t('problem.generic'),
            ),
          );
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="organisation-add-title">
      <h2 id="organisation-add-title">{t('cells.organisations.addTitle')}</h2>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form form--inline" noValidate onSubmit={onSubmit} aria-busy={add.isPending}>
        <TextField
          id={FIELD.name}
          label={t('cells.organisations.name')}
          error={fieldError(FIELD.name)}
          value={name}
          maxLength={200}
          autoComplete="organization"
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
        <SelectField
          id={FIELD.type}
          label={t('cells.organisations.type')}
          hint={t('cells.organisations.typeHint')}
          error={fieldError(FIELD.type)}
          value={type}
          onChange={(event) => {
            setType(ORGANISATION_TYPES.find((value) => value === event.target.value) ?? '');
          }}
        >
          <option value="">{t('common.choose')}</option>
          {ORGANISATION_TYPES.map((value) => (
            <option key={value} value={value}>
              {EXCLUDED_ORGANISATION_TYPES.includes(value)
                ? t('cells.organisations.excludedOption', { type: t(`vocab.organisationType.${value}`) })
                : t(`vocab.organisationType.${value}`)}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="submit" className="button" disabled={add.isPending}>
            {t('cells.organisations.add')}
          </button>
        </div>
        <p className="notice" role="status">
          {added}
        </p>
      </form>
    </section>
  );
}

function OrganisationRow({ cellId, organisation, manage }: { cellId: string; organisation: Organisation; manage: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateOrganisation(cellId);
  const [participation, setParticipation] = useState<Participation>(organisation.participation);
  const [message, setMessage] = useState('');
  const selectId = `participation-${organisation.id}`;
  const schoolId = `school-${organisation.id}`;

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage('');
    update.mutate(
      { organisationId: organisation.id, change: { participation } },
      {
        onSuccess(changed) {
          setMessage(
            changed.participation === 'sitting'
              ? t('cells.organisations.nowSitting', { name: changed.name })
              : t('cells.organisations.nowLeft', {
                  name: changed.name,
                  participation: t(`vocab.participation.${changed.participation}`),
                }),
          );
        },
      },
    );
  }

  return (
    <tr>
      <th scope="row">{organisation.name}</th>
      <td>
        {t(`vocab.organisationType.${organisation.type}`)}
        {EXCLUDED_ORGANISATION_TYPES.includes(organisation.type) && (
          <span className="table__sub">{t('cells.organisations.excluded')}</span>
        )}
      </td>
      <td>
        {manage ? (
          <form className="inline-form" noValidate onSubmit={onSubmit}>
            <SelectField
              id={selectId}
              label={t('cells.organisations.participationOf', { name: organisation.name })}
              hideLabel
              value={participation}
              onChange={(event) => {
                const value = PARTICIPATIONS.find((candidate) => candidate === event.target.value);
                if (value !== undefined) setParticipation(value);
              }}
            >
              {PARTICIPATIONS.map((value) => (
                <option key={value} value={value}>
                  {t(`vocab.participation.${value}`)}
                </option>
              ))}
            </SelectField>
            <button
              type="submit"
              className="button button--secondary button--small"
              disabled={update.isPending || participation === organisation.participation}
            >
              {t('cells.organisations.change')}
              <span className="visually-hidden"> {organisation.name}</span>
            </button>
          </form>
        ) : (
          t(`vocab.participation.${organisation.participation}`)
        )}
        <p className="inline-status" role="status">
          {message}
        </p>
        {update.isError && <ProblemMessage error={update.error} />}
      </td>
      <td>
        {organisation.type === 'clb' ? (
          manage ? (
            <div className="choice">
              <input
                id={schoolId}
                type="checkbox"
                className="choice__input"
                checked={organisation.schoolContact}
                disabled={update.isPending}
                onChange={(event) => {
                  update.mutate({
                    organisationId: organisation.id,
                    change: { schoolContact: event.target.checked },
                  });
                }}
              />
              <label className="choice__label" htmlFor={schoolId}>
                {t('cells.organisations.schoolContact')}
                <span className="visually-hidden"> {organisation.name}</span>
              </label>
            </div>
          ) : organisation.schoolContact ? (
            t('cells.organisations.schoolContactYes')
          ) : (
            t('cells.organisations.schoolContactNo')
          )
        ) : (
          <span className="muted">{t('cells.organisations.notApplicable')}</span>
        )}
      </td>
    </tr>
  );
}

/** The organisations of the cell; participation is voluntary (R-MEM-11), a CLB may be the schools' contact (R-MEM-13). */
export function OrganisationsPanel({ cellId, manage }: { cellId: string; manage: boolean }) {
  const { t } = useTranslation();
  const organisations = useOrganisations(cellId);
  return (
    <>
      {manage && <AddOrganisationForm cellId={cellId} />}
      <section className="panel" aria-labelledby="organisations-title">
        <h2 id="organisations-title">{t('cells.organisations.title')}</h2>
        <div className="explanation">
          <p>{t('cells.organisations.voluntary')}</p>
          <p>{t('cells.organisations.schoolContactHint')}</p>
        </div>
        {organisations.isError && <ProblemMessage error={organisations.error} />}
        {organisations.data !== undefined &&
          (organisations.data.items.length === 0 ? (
            <p>{t('cells.organisations.empty')}</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">{t('cells.organisations.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cells.organisations.name')}</th>
                  <th scope="col">{t('cells.organisations.type')}</th>
                  <th scope="col">{t('cells.organisations.participation')}</th>
                  <th scope="col">{t('cells.organisations.schoolContactColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {organisations.data.items.map((organisation) => (
                  <OrganisationRow
                    key={organisation.id}
                    cellId={cellId}
                    organisation={organisation}
                    manage={manage}
                  />
                ))}
              </tbody>
            </table>
          ))}
      </section>
    </>
  );
}
