import { useTranslation } from 'react-i18next';

import { CheckIcon, CrossIcon, WarningIcon } from '@/components/icons';
import { useFormat } from '@/i18n/format';

import type { FormEvidence } from '../api/use-oversight';

function Hash({ value }: { value: string }) {
  return (
    <code className="hash" translate="no">
      {value}
    </code>
  );
}

/** One transmitted feedback form (R-FB-2, R-FB-3): the exact version, who was there, who approved which version. */
function TransmittedForm({ form }: { form: FormEvidence }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `form-${form.form}`;
  const started = form.meetingStartedAt ?? null;
  return (
    <article className="evidence-form" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('oversight.evidence.forms.heading', { round: form.round, version: form.version })}</h3>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('oversight.evidence.forms.versionHash')}</dt>
          <dd>
            <Hash value={form.versionHash} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('oversight.evidence.forms.transmitted')}</dt>
          <dd>
            {t('oversight.evidence.forms.transmittedBy', {
              date: format.instant(form.transmittedAt),
              name: form.transmittedBy,
            })}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('oversight.evidence.forms.meeting')}</dt>
          <dd>{started === null ? t('oversight.evidence.unknown') : format.instant(started)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('oversight.evidence.forms.present')}</dt>
          <dd>{form.present.length === 0 ? t('oversight.evidence.nobody') : format.list(form.present)}</dd>
        </div>
      </dl>
      {form.approvals.length === 0 ? (
        <p>{t('oversight.evidence.forms.noVerdicts')}</p>
      ) : (
        <table className="table">
          <caption className="figure__caption">
            {t('oversight.evidence.forms.approvalsCaption', { round: form.round, version: form.version })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('oversight.evidence.col.member')}</th>
              <th scope="col">{t('oversight.evidence.col.verdict')}</th>
              <th scope="col">{t('oversight.evidence.col.versionHash')}</th>
              <th scope="col">{t('oversight.evidence.col.at')}</th>
            </tr>
          </thead>
          <tbody>
            {form.approvals.map((approval) => {
              const sameVersion = approval.versionHash === form.versionHash;
              return (
                <tr key={`${approval.member}-${approval.at}`}>
                  <th scope="row">{approval.member}</th>
                  <td>
                    {approval.verdict === 'approved' ? (
                      <span className="outcome outcome--success">
                        <CheckIcon className="outcome__icon" />
                        {t('oversight.evidence.verdict.approved')}
                      </span>
                    ) : (
                      <span className="outcome outcome--failure">
                        <CrossIcon className="outcome__icon" />
                        {t('oversight.evidence.verdict.objected')}
                      </span>
                    )}
                  </td>
                  <td>
                    <Hash value={approval.versionHash} />
                    {!sameVersion && (
                      <span className="table__sub outcome outcome--warning">
                        <WarningIcon className="outcome__icon" />
                        {t('oversight.evidence.forms.otherVersion')}
                      </span>
                    )}
                  </td>
                  <td>{format.instant(approval.at)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </article>
  );
}

export function FeedbackEvidence({ forms }: { forms: readonly FormEvidence[] }) {
  const { t } = useTranslation();
  return (
    <section className="evidence-section" aria-labelledby="evidence-forms-title">
      <h2 id="evidence-forms-title">{t('oversight.evidence.forms.title')}</h2>
      {forms.length === 0 ? (
        <p>{t('oversight.evidence.forms.none')}</p>
      ) : (
        forms.map((form) => <TransmittedForm key={form.form} form={form} />)
      )}
    </section>
  );
}
