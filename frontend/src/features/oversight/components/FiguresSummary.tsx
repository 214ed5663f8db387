import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ProblemMessage } from '@/components/ProblemMessage';

import { useStatistics } from '../api/use-oversight';
import { CadenceStatus } from './CadenceStatus';
import { Headline } from './Headline';

interface FiguresSummaryProps {
  cellId: string;
  cellName: string;
}

/** The home page's first card for the strategic table: the headline figures, the cadence, and where to read on. */
export function FiguresSummary({ cellId, cellName }: FiguresSummaryProps) {
  const { t } = useTranslation();
  const statistics = useStatistics(cellId);
  const headingId = `figures-${cellId}`;
  return (
    <section className="card figures-summary" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('oversight.summary.title', { cell: cellName })}
      </h2>
      {statistics.isError && <ProblemMessage error={statistics.error} />}
      {statistics.isPending && (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {statistics.data !== undefined && (
        <>
          <Headline statistics={statistics.data} />
          <CadenceStatus cadence={statistics.data.cadence} />
        </>
      )}
      <ul className="link-list">
        <li>
          <Link to={`/cells/${cellId}/oversight`}>{t('oversight.summary.dashboardLink')}</Link>
        </li>
        <li>
          <Link to={`/cells/${cellId}/evidence`}>{t('oversight.summary.evidenceLink')}</Link>
        </li>
      </ul>
    </section>
  );
}
