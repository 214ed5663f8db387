import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { CheckboxGroup, SelectField } from '@/components/form';
import { WarningIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { useCaseList, useCellInfo, type CaseFilters, type CaseStatus, type CaseSummary } from '../api/use-cases';
import { STATUSES } from '../model/lifecycle';

function readFilters(params: URLSearchParams): CaseFilters {
  const status = params.getAll('status').filter((value): value is CaseStatus =>
    (STATUSES as readonly string[]).includes(value),
  );
  const problematic = params.get('problematic');
  const municipality = params.get('municipality');
  const page = Number(params.get('page') ?? '1');
  return {
    status,
    problematic: problematic === 'true' ? true : problematic === 'false' ? false : undefined,
    municipality: municipality !== null && /^\d{5}$/.test(municipality) ? municipality : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

function toParams(filters: CaseFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const status of filters.status) params.append('status', status);
  if (filters.problematic !== undefined) params.set('problematic', String(filters.problematic));
  if (filters.municipality !== undefined) params.set('municipality', filters.municipality);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

interface FilterFormProps {
  initial: CaseFilters;
  municipalities: { nisCode: string; name: string }[];
  onApply: (filters: CaseFilters) => void;
}

function FilterForm({ initial, municipalities, onApply }: FilterFormProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CaseStatus[]>(initial.status);
  const [problematic, setProblematic] = useState(initial.problematic === undefined ? '' : String(initial.problematic));
  const [municipality, setMunicipality] = useState(initial.municipality ?? '');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({
      status,
      problematic: problematic === '' ? undefined : problematic === 'true',
      municipality: municipality === '' ? undefined : municipality,
      page: 1,
    });
  }

  return (
    <section className="panel" aria-labelledby="case-filters-title">
      <h2 id="case-filters-title">{t('cases.list.filters')}</h2>
      <form className="filters filters--cases" noValidate onSubmit={onSubmit}>
        <CheckboxGroup
          id="filter-status"
          name="status"
          legend={t('cases.list.status')}
          inline
          choices={STATUSES.map((value) => ({ value, label: t(`vocab.caseStatus.${value}`) }))}
          values={status}
          onChange={setStatus}
        />
        <SelectField
          id="filter-problematic"
          label={t('cases.list.problematic')}
          value={problematic}
          onChange={(event) => {
            setProblematic(event.target.value);
          }}
        >
          <option value="">{t('cases.list.all')}</option>
          <option value="true">{t('cases.list.onlyProblematic')}</option>
          <option value="false">{t('cases.list.notProblematic')}</option>
        </SelectField>
        <SelectField
          id="filter-municipality"
          label={t('cases.list.municipality')}
          value={municipality}
          onChange={(event) => {
            setMunicipality(event.target.value);
          }}
        >
          <option value="">{t('cases.list.allMunicipalities')}</option>
          {municipalities.map((m) => (
            <option key={m.nisCode} value={m.nisCode}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <div className="form__actions filters__actions">
          <button type="submit" className="button">
            {t('cases.list.apply')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              onApply({ status: [], problematic: undefined, municipality: undefined, page: 1 });
            }}
          >
            {t('cases.list.clear')}
          </button>
        </div>
      </form>
    </section>
  );
}

function CaseRow({ cellId, item, municipalityName }: { cellId: string; item: CaseSummary; municipalityName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <tr>
      <th scope="row">
        {item.participant ? (
          <Link to={`/cells/${cellId}/cases/${item.id}`}>
            <code translate="no">{item.code}</code>
          </Link>
        ) : (
          <>
            <code translate="no">{item.code}</code>
            <span className="table__sub">{t('cases.list.notParticipant')}</span>
          </>
        )}
      </th>
      <td>{t(`vocab.caseStatus.${item.status}`)}</td>
      <td>
        {item.problematic ? (
          <span className="outcome outcome--warning">
            <WarningIcon className="outcome__icon" />
            {t('cases.problematic')}
          </span>
        ) : (
          t('cases.list.no')
        )}
      </td>
      <td>
        {municipalityName}
        {item.minor && <span className="table__sub">{t('cases.minor')}</span>}
      </td>
      <td>
        {item.nextSteps.length === 0
          ? t('cases.list.noNextStep')
          : format.list(item.nextSteps.map((step) => t(`vocab.caseStatus.${step}`)))}
      </td>
      <td>{format.instant(item.createdAt)}</td>
    </tr>
  );
}

/** The cases of a cell: code, status, problematic mark, municipality, next step — never content. */
export function CaseList({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const cases = useCaseList(cellId, filters);
  const cell = useCellInfo(cellId);
  const municipalities = cell.data?.municipalities ?? [];
  const names = new Map(municipalities.map((m) => [m.nisCode, m.name]));
  const data = cases.data;
  const pages = data === undefined ? 1 : Math.max(1, Math.ceil(data.total / data.pageSize));

  return (
    <>
      <FilterForm
        key={params.toString()}
        initial={filters}
        municipalities={municipalities}
        onApply={(next) => {
          setParams(toParams(next));
        }}
      />
      <section className="panel" aria-labelledby="cases-title">
        <h2 id="cases-title">{t('cases.list.title')}</h2>
        {cases.isError && <ProblemMessage error={cases.error} />}
        {cases.isPending && (
          <p className="loading" role="status">
            {t('common.loading')}
          </p>
        )}
        {data !== undefined && (
          <>
            <p className="muted" role="status">
              {data.total === 0 ? t('cases.list.empty') : t('cases.list.count', { count: data.total })}
            </p>
            {data.items.length > 0 && (
              <table className="table">
                <caption className="visually-hidden">{t('cases.list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cases.list.code')}</th>
                    <th scope="col">{t('cases.list.status')}</th>
                    <th scope="col">{t('cases.list.problematic')}</th>
                    <th scope="col">{t('cases.list.municipality')}</th>
                    <th scope="col">{t('cases.list.nextStep')}</th>
                    <th scope="col">{t('cases.list.createdAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <CaseRow
                      key={item.id}
                      cellId={cellId}
                      item={item}
                      municipalityName={names.get(item.municipality) ?? item.municipality}
                    />
                  ))}
                </tbody>
              </table>
            )}
            {pages > 1 && (
              <nav className="pagination" aria-label={t('audit.pagination')}>
                {data.page > 1 ? (
                  <Link to={`?${toParams({ ...filters, page: data.page - 1 }).toString()}`} rel="prev">
                    {t('audit.previous')}
                  </Link>
                ) : (
                  <span />
                )}
                <span>{t('audit.page', { page: format.number(data.page), pages: format.number(pages) })}</span>
                {data.page < pages ? (
                  <Link to={`?${toParams({ ...filters, page: data.page + 1 }).toString()}`} rel="next">
                    {t('audit.next')}
                  </Link>
                ) : (
                  <span />
                )}
              </nav>
            )}
          </>
        )}
      </section>
    </>
  );
}
