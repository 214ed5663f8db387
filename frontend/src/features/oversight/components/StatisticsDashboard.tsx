import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { useOversightCell, useStatistics, type Statistics } from '../api/use-oversight';
import { toChartRows, type LabelledCount } from '../model/breakdown';
import { breakdownLabel, phaseLabel, type Dimension } from '../model/labels';
import { BreakdownFigure } from './BreakdownFigure';
import { Headline } from './Headline';
import { MeetingsFigure } from './MeetingsFigure';
import { SmallCounts } from './SmallCounts';
import { useLabelText } from './use-label-text';

const BREAKDOWNS: readonly { dimension: Dimension; counts: (s: Statistics) => LabelledCount[] }[] = [
  { dimension: 'status', counts: (s) => s.byStatus },
  { dimension: 'problem', counts: (s) => s.byProblem },
  { dimension: 'phenomenon', counts: (s) => s.byPhenomenon },
  { dimension: 'municipality', counts: (s) => s.byMunicipality },
  { dimension: 'source', counts: (s) => s.bySource },
  { dimension: 'actions', counts: (s) => s.actions },
];

function PhaseDurations({ statistics }: { statistics: Statistics }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useLabelText();
  const title = t('oversight.phases.title');
  return (
    <section className="figure" aria-labelledby="phases-title">
      <h2 id="phases-title">{title}</h2>
      <p>{t('oversight.phases.intro')}</p>
      {statistics.medianDaysInPhase.length === 0 ? (
        <p>{t('oversight.phases.none')}</p>
      ) : (
        <table className="table figure__table figure__table--narrow">
          <caption className="figure__caption">{t('oversight.tableCaption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('oversight.col.phase')}</th>
              <th scope="col" className="numeric">
                {t('oversight.col.medianDays')}
              </th>
            </tr>
          </thead>
          <tbody>
            {statistics.medianDaysInPhase.map((entry) => (
              <tr key={entry.phase}>
                <th scope="row">{text(phaseLabel(entry.phase))}</th>
                <td className="numeric">
                  {entry.medianDays === null || entry.medianDays === undefined ? (
                    <span className="muted">{t('oversight.phases.notShown')}</span>
                  ) : (
                    t('oversight.phases.days', { days: format.number(entry.medianDays) })
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The strategic table's figures for one cell (R-TAB-3): aggregates only, every count below five
 * `<5`, each chart with its table.
 */
export function StatisticsDashboard({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useLabelText();
  const statistics = useStatistics(cellId);
  const cell = useOversightCell(cellId);
  const municipalities = cell.data?.municipalities ?? [];

  if (statistics.isError) return <ProblemMessage error={statistics.error} />;
  if (statistics.data === undefined) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const figures = statistics.data;
  return (
    <>
      <p className="lead">
        {cell.data?.name !== undefined && <strong>{cell.data.name}</strong>}{' '}
        {t('oversight.computedAt', { date: format.instant(figures.computedAt) })}
      </p>
      <p className="no-print">
        <Link to={`/cells/${cellId}/evidence`}>{t('oversight.evidenceLink')}</Link>
      </p>
      <section aria-labelledby="headline-title">
        <h2 id="headline-title">{t('oversight.headline.title')}</h2>
        <Headline statistics={figures} />
      </section>
      <SmallCounts />
      <MeetingsFigure cadence={figures.cadence} meetingsPerMonth={figures.meetingsPerMonth} computedAt={figures.computedAt} />
      {BREAKDOWNS.map(({ dimension, counts }) => (
        <BreakdownFigure
          key={dimension}
          id={`breakdown-${dimension}`}
          title={t(`oversight.breakdown.${dimension}.title`)}
          labelHeader={t(`oversight.breakdown.${dimension}.label`)}
          rows={toChartRows(
            counts(figures),
            (label) => text(breakdownLabel(dimension, label, municipalities)),
            format.number,
          )}
        />
      ))}
      <PhaseDurations statistics={figures} />
    </>
  );
}
