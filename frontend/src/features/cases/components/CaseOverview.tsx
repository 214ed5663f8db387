import { useTranslation } from 'react-i18next';

import { useFormat } from '@/i18n/format';

import type { CaseContext } from './case-context';

/** The case's content as submitted: pseudonymous code, age band, municipality, problems, the partner's own work. */
export function CaseOverview({ context }: { context: CaseContext }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { kase } = context;
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>{t('cases.overview.referenceHolder')}</dt>
        <dd>
          {context.organisationName(kase.referenceHolder)}
          <span className="table__sub">{t('cases.overview.referenceHolderHint')}</span>
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cases.overview.source')}</dt>
        <dd>{t(`vocab.caseSource.${kase.source}`)}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cases.overview.submittedAt')}</dt>
        <dd>{format.instant(kase.createdAt)}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cases.intake.municipality')}</dt>
        <dd>{context.municipalityName(kase.municipality)}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cases.intake.ageBand')}</dt>
        <dd>
          {t(`vocab.ageBand.${kase.ageBand}`)}
          {kase.minor && <span className="table__sub">{t('cases.minor')}</span>}
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cases.intake.initialProblems')}</dt>
        <dd>{format.list(kase.initialProblems.map((problem) => t(`vocab.initialProblem.${problem}`)))}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cases.overview.phenomenon')}</dt>
        <dd>
          {kase.phenomenon === null || kase.phenomenon === undefined || kase.phenomenon === 'none'
            ? t('cases.intake.noLabel')
            : t(`vocab.phenomenon.${kase.phenomenon}`)}
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cases.intake.priorHandling')}</dt>
        <dd className="prose">{kase.priorHandling}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cases.intake.assessment')}</dt>
        <dd className="prose">{kase.professionalAssessment}</dd>
      </div>
      {kase.requestedFollowUp !== null && kase.requestedFollowUp !== undefined && (
        <div className="summary-list__row">
          <dt>{t('cases.intake.followUp')}</dt>
          <dd className="prose">{kase.requestedFollowUp}</dd>
        </div>
      )}
    </dl>
  );
}
