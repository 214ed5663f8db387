import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { SelectField } from '@/components/form';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { useComparison, useFormVersions } from '../api/use-feedback';
import { shortHash } from '../model/status';
import { ComparisonTable } from './ComparisonTable';

interface VersionHistoryProps {
  formId: string;
  /** The number of the current version (the history is read again when it changes). */
  current: number;
  personName: (userId: string) => string;
}

function Comparison({ formId, from, to }: { formId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const comparison = useComparison(formId, from, to, true);
  if (comparison.isError) return <ProblemMessage error={comparison.error} />;
  if (comparison.data === undefined) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  return (
    <ComparisonTable
      changes={comparison.data.changes}
      caption={t('feedback.compare.caption', { from, to })}
      before={t('feedback.compare.version', { version: from })}
      after={t('feedback.compare.version', { version: to })}
    />
  );
}

/** Every saved version (who, when, its fingerprint) and the comparison of any two of them. */
export function VersionHistory({ formId, current, personName }: VersionHistoryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useFormVersions(formId);
  const [from, setFrom] = useState(Math.max(1, current - 1));
  const [to, setTo] = useState(current);
  const [compared, setCompared] = useState<{ from: number; to: number } | null>(null);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setCompared({ from, to });
  }

  const items = versions.data?.items ?? [];
  return (
    <section className="feedback-versions no-print" aria-labelledby={`feedback-versions-${formId}`}>
      <h4 id={`feedback-versions-${formId}`}>{t('feedback.versions.title')}</h4>
      {versions.isError && <ProblemMessage error={versions.error} />}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('feedback.versions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('feedback.versions.number')}</th>
                <th scope="col">{t('feedback.versions.savedAt')}</th>
                <th scope="col">{t('feedback.versions.by')}</th>
                <th scope="col">{t('feedback.versions.fingerprint')}</th>
              </tr>
            </thead>
            <tbody>
              {[...items].reverse().map((version) => (
                <tr key={version.number}>
                  <th scope="row">
                    {t('feedback.compare.version', { version: version.number })}
                    {version.number === current && <span className="badge">{t('feedback.versions.current')}</span>}
                  </th>
                  <td>{format.instant(version.createdAt)}</td>
                  <td>{personName(version.createdBy)}</td>
                  <td>
                    <code translate="no" title={version.hash}>
                      {shortHash(version.hash)}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {current < 2 ? (
        <p className="muted">{t('feedback.versions.onlyOne')}</p>
      ) : (
        <form className="inline-form compare-form" noValidate onSubmit={onSubmit}>
          <SelectField
            id={`feedback-compare-from-${formId}`}
            label={t('feedback.compare.from')}
            value={String(from)}
            onChange={(event) => {
              setFrom(Number(event.target.value));
            }}
          >
            {Array.from({ length: current }, (_, index) => index + 1).map((number) => (
              <option key={number} value={number}>
                {t('feedback.compare.version', { version: number })}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={`feedback-compare-to-${formId}`}
            label={t('feedback.compare.to')}
            value={String(to)}
            onChange={(event) => {
              setTo(Number(event.target.value));
            }}
          >
            {Array.from({ length: current }, (_, index) => index + 1).map((number) => (
              <option key={number} value={number}>
                {t('feedback.compare.version', { version: number })}
              </option>
            ))}
          </SelectField>
          <div className="form__actions">
            <button type="submit" className="button button--secondary">
              {t('feedback.compare.submit')}
            </button>
          </div>
        </form>
      )}
      {compared !== null && compared.to <= current && (
        <Comparison formId={formId} from={compared.from} to={compared.to} />
      )}
    </section>
  );
}
