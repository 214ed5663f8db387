import { useTranslation } from 'react-i18next';

/** Said once per page: why small figures read `<5`, and how the charts show them (R-TAB-3). */
export function SmallCounts() {
  const { t } = useTranslation();
  return (
    <section className="explanation small-counts" aria-labelledby="small-counts-title">
      <h2 id="small-counts-title">{t('oversight.smallCounts.title')}</h2>
      <p>{t('oversight.smallCounts.body')}</p>
      <ul className="chart-legend">
        <li>
          <span className="chart-legend__swatch" aria-hidden="true" />
          {t('oversight.smallCounts.legendShown')}
        </li>
        <li>
          <span className="chart-legend__swatch chart-legend__swatch--suppressed" aria-hidden="true" />
          {t('oversight.smallCounts.legendSuppressed')}
        </li>
      </ul>
    </section>
  );
}
