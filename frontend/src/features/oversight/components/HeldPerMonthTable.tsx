import { useTranslation } from 'react-i18next';

import { useFormat } from '@/i18n/format';

import type { MonthCount } from '../model/months';

interface HeldPerMonthTableProps {
  months: readonly MonthCount[];
  caption: string;
  className: string;
}

/** Operational meetings held, month by month: the table beside the chart and in the evidence pack. */
export function HeldPerMonthTable({ months, caption, className }: HeldPerMonthTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <table className={`table ${className}`}>
      <caption className="figure__caption">{caption}</caption>
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
  );
}
