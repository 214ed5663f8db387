import { useTranslation } from 'react-i18next';

import type { Cadence } from '../api/use-oversight';
import { lastMonths, type MonthCount } from '../model/months';
import { CadenceStatus } from './CadenceStatus';
import { HeldPerMonthTable } from './HeldPerMonthTable';
import { MeetingsChart } from './LazyCharts';

interface MeetingsFigureProps {
  cadence: Cadence;
  meetingsPerMonth: readonly MonthCount[];
  computedAt: string;
}

/**
 * Operational meetings held per month over the last year, against the pace the guidance asks:
 * meetings are not people, so their numbers are shown as they are.
 */
export function MeetingsFigure({ cadence, meetingsPerMonth, computedAt }: MeetingsFigureProps) {
  const { t } = useTranslation();
  const months = lastMonths(meetingsPerMonth, computedAt);
  const title = t('oversight.meetings.title');
  return (
    <section className="figure" aria-labelledby="meetings-title">
      <h2 id="meetings-title">{title}</h2>
      <CadenceStatus cadence={cadence} />
      <div className="figure__body">
        <MeetingsChart months={months} label={t('oversight.chartLabel', { title })} />
        <HeldPerMonthTable
          months={months}
          caption={t('oversight.tableCaption', { title })}
          className="figure__table"
        />
      </div>
    </section>
  );
}
