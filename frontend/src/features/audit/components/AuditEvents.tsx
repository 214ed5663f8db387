import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { ErrorSummary, TextField, type FormError } from '@/components/form';
import { CheckIcon, CrossIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { useAuditEvents, type AuditEvent, type AuditFilters } from '../api/use-audit';
import { useChainLabel } from './ChainStatusPanel';

export const AUDIT_PAGE_SIZE = 25;

const TEXT_FILTERS = ['actor', 'action', 'objectType', 'object'] as const;
type TextFilter = (typeof TEXT_FILTERS)[number];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface FilterValues {
  actor: string;
  action: string;
  objectType: string;
  object: string;
  /** Dates as the date inputs give them (yyyy-mm-dd), both days inclusive. */
  since: string;
  until: string;
}

/** Local midnight of a yyyy-mm-dd day, `days` later, as an ISO date-time for the API. */
function startOfDay(day: string, days = 0): string | undefined {
  const match = DATE.exec(day);
  if (match === null) return undefined;
  const [, year, month, date] = match.map(Number);
  if (year === undefined || month === undefined || date === undefined) return undefined;
  return new Date(year, month - 1, date + days).toISOString();
}

function readValues(params: URLSearchParams): FilterValues {
  const read = (name: string) => params.get(name) ?? '';
  return {
    actor: read('actor'),
    action: read('action'),
    objectType: read('objectType'),
    object: read('object'),
    since: read('since'),
    until: read('until'),
  };
}

function readPage(params: URLSearchParams): number {
  const page = Number(params.get('page') ?? '1');
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The API's filters: the period's days become [since 00:00, the day after until 00:00). */
export function toFilters(values: FilterValues, page: number): AuditFilters {
  const filters: AuditFilters = { page, pageSize: AUDIT_PAGE_SIZE };
  for (const name of TEXT_FILTERS) {
    const value = values[name].trim();
    if (value !== '') filters[name] = value;
  }
  const since = startOfDay(values.since);
  const until = startOfDay(values.until, 1);
  if (since !== undefined) filters.since = since;
  if (until !== undefined) filters.until = until;
  return filters;
}

function withPage(params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  if (page <= 1) next.delete('page');
  else next.set('page', String(page));
  return `?${next.toString()}`;
}

interface FilterFormProps {
  initial: FilterValues;
  onApply: (values: FilterValues) => void;
}

function FilterForm({ initial, onApply }: FilterFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const labels: Record<TextFilter, string> = {
    actor: t('audit.filter.actor'),
    action: t('audit.filter.action'),
    objectType: t('audit.filter.objectType'),
    object: t('audit.filter.object'),
  };
  const hints: Partial<Record<TextFilter, string>> = {
    actor: t('audit.filter.actorHint'),
    action: t('audit.filter.actionHint'),
  };

  function set(name: keyof FilterValues, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (values.since !== '' && values.until !== '' && values.until < values.since) {
      setErrors([{ fieldId: 'audit-until', message: t('audit.filter.periodReversed') }]);
      setAttempt((count) => count + 1);
      return;
    }
    setErrors([]);
    onApply(values);
  }

  function clear() {
    const empty: FilterValues = {
      actor: '',
      action: '',
      objectType: '',
      object: '',
      since: '',
      until: '',
    };
    setValues(empty);
    setErrors([]);
    onApply(empty);
  }

  return (
    <section className="panel" aria-labelledby="filters-title">
      <h2 id="filters-title">{t('audit.filter.title')}</h2>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="filters" noValidate onSubmit={onSubmit}>
        {TEXT_FILTERS.map((name) => (
          <TextField
            key={name}
            id={`audit-${name}`}
            name={name}
            label={labels[name]}
            hint={hints[name]}
            value={values[name]}
            onChange={(event) => {
              set(name, event.target.value);
            }}
            maxLength={name === 'objectType' ? 32 : 64}
            spellCheck={false}
            autoComplete="off"
          />
        ))}
        <TextField
          id="audit-since"
          name="since"
          type="date"
          label={t('audit.filter.since')}
          value={values.since}
          onChange={(event) => {
            set('since', event.target.value);
          }}
        />
        <TextField
          id="audit-until"
          name="until"
          type="date"
          label={t('audit.filter.until')}
          error={errors.find((error) => error.fieldId === 'audit-until')?.message}
          value={values.until}
          onChange={(event) => {
            set('until', event.target.value);
          }}
        />
        <div className="form__actions filters__actions">
          <button type="submit" className="button">
            {t('audit.filter.apply')}
          </button>
          <button type="button" className="button button--secondary" onClick={clear}>
            {t('audit.filter.clear')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Outcome({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  if (outcome === 'success') {
    return (
      <span className="outcome outcome--success">
        <CheckIcon className="outcome__icon" />
        {t('audit.outcome.success')}
      </span>
    );
  }
  if (outcome === 'failure') {
    return (
      <span className="outcome outcome--failure">
        <CrossIcon className="outcome__icon" />
        {t('audit.outcome.failure')}
      </span>
    );
  }
  return <span className="outcome">{outcome}</span>;
}

function EventRow({ event }: { event: AuditEvent }) {
  const format = useFormat();
  const chainLabel = useChainLabel();
  const occurred = new Date(event.occurredAt);
  return (
    <tr>
      <td>
        <time dateTime={event.occurredAt}>
          {Number.isNaN(occurred.getTime()) ? event.occurredAt : format.dateTime(occurred)}
        </time>
        <span className="table__sub">
          {chainLabel(event.chain)} · {format.number(event.seq)}
        </span>
      </td>
      <td>
        {event.actorType}
        <code className="table__sub" translate="no">
          {event.actor}
        </code>
      </td>
      <td>
        <code translate="no">{event.action}</code>
        <span className="table__sub">
          {event.objectType} <code translate="no">{event.object}</code>
        </span>
      </td>
      <td>
        <Outcome outcome={event.outcome} />
      </td>
    </tr>
  );
}

/** The audit events, newest first, filtered and paged through the page's address. */
export function AuditEvents() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const values = readValues(params);
  const page = readPage(params);
  const events = useAuditEvents(toFilters(values, page));

  function apply(next: FilterValues) {
    const search = new URLSearchParams();
    for (const name of Object.keys(next) as (keyof FilterValues)[]) {
      const value = next[name].trim();
      if (value !== '') search.set(name, value);
    }
    setParams(search);
  }

  const data = events.data;
  const pages = data === undefined ? 1 : Math.max(1, Math.ceil(data.total / data.pageSize));
  const first = data === undefined ? 0 : (data.page - 1) * data.pageSize + 1;
  const last = data === undefined ? 0 : first + data.items.length - 1;

  return (
    <>
      <FilterForm key={params.toString()} initial={values} onApply={apply} />
      <section className="panel" aria-labelledby="events-title">
        <h2 id="events-title">{t('audit.eventsTitle')}</h2>
        {events.isError && <ProblemMessage error={events.error} />}
        {events.isPending && (
          <p className="loading" role="status">
            {t('common.loading')}
          </p>
        )}
        {data !== undefined && (
          <>
            <p className="muted" role="status">
              {data.total === 0
                ? t('audit.empty')
                : t('audit.summary', {
                    from: format.number(first),
                    to: format.number(last),
                    total: format.number(data.total),
                  })}
            </p>
            {data.items.length > 0 && (
              <table className="table">
                <caption className="visually-hidden">{t('audit.eventsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.col.occurredAt')}</th>
                    <th scope="col">{t('audit.col.actor')}</th>
                    <th scope="col">{t('audit.col.action')}</th>
                    <th scope="col">{t('audit.col.outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((event) => (
                    <EventRow key={`${event.chain}:${String(event.seq)}`} event={event} />
                  ))}
                </tbody>
              </table>
            )}
            {pages > 1 && (
              <nav className="pagination" aria-label={t('audit.pagination')}>
                {data.page > 1 ? (
                  <Link to={withPage(params, data.page - 1)} rel="prev">
                    {t('audit.previous')}
                  </Link>
                ) : (
                  <span />
                )}
                <span>{t('audit.page', { page: format.number(data.page), pages: format.number(pages) })}</span>
                {data.page < pages ? (
                  <Link to={withPage(params, data.page + 1)} rel="next">
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
