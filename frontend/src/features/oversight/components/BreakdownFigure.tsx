import { useTranslation } from 'react-i18next';

import type { ChartRow } from '../model/breakdown';
import { CountText } from './CountText';
import { CountChart } from './LazyCharts';

interface BreakdownFigureProps {
  id: string;
  title: string;
  /** The heading of the label column ("Step", "Municipality"). */
  labelHeader: string;
  rows: readonly ChartRow[];
}

/** One breakdown: the chart for the eye and, beside it, the same figures in a real table. */
export function BreakdownFigure({ id, title, labelHeader, rows }: BreakdownFigureProps) {
  const { t } = useTranslation();
  const titleId = `${id}-title`;
  return (
    <section className="figure" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <div className="figure__body">
        <CountChart rows={rows} label={t('oversight.chartLabel', { title })} />
        <table className="table figure__table">
          <caption className="figure__caption">{t('oversight.tableCaption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col" className="numeric">
                {t('oversight.col.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="numeric">
                  <CountText text={row.text} suppressed={row.suppressed} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
