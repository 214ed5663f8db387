import { useTranslation } from 'react-i18next';

import { useFormat } from '@/i18n/format';

import type { Cadence } from '../api/use-oversight';
import { lastMonths, type MonthCount } from '../model/months';
import { CadenceStatus } from './CadenceStatus';
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
  const format = useFormat();
  const months = lastMonths(meetingsPerMonth, computedAt);
  const title = t('oversight.meetings.title');
  return (
    <section className="figure" aria-labelledby="meetings-title">
      <h2 id="meetings-title">{title}</h2>
      <CadenceStatus cadence={cadence} />
      <div className="figure__body">
        <MeetingsChart months={months} label={t('oversight.chartLabel', { title })} />
        <table className="table figure__table">
          <caption className="figure__caption">{t('oversight.tableCaption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('oversight.col.month')}</th>
              <th scope="col" className="numeric">
                {t('oversight.col.held')}
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((entry) => (
              <tr key={entry.month}>
                <th scope="row">{format.month(entry.month)}</th>
                <td className="numeric">{format.number(entry.held)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
