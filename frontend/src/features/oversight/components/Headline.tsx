import { useTranslation } from 'react-i18next';

import { useFormat } from '@/i18n/format';

import type { Statistics } from '../api/use-oversight';
import { countText, shownValue } from '../model/breakdown';
import { CountText } from './CountText';

/** A share, or why it is not shown: rates exist only over enough cases (R-TAB-3). */
function Share({ value, notShown }: { value: number | null | undefined; notShown: string }) {
  const format = useFormat();
  return value === null || value === undefined ? (
    <span className="muted">{notShown}</span>
  ) : (
    <>{format.percent(value)}</>
  );
}

/** The figures a mayor reads first: how many cases, how many were admitted, how actions go. */
export function Headline({ statistics }: { statistics: Statistics }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = statistics.totalCases;
  return (
    <dl className="summary-list headline">
      <div className="summary-list__row">
        <dt>{t('oversight.headline.totalCases')}</dt>
        <dd>
          <CountText text={countText(total, format.number)} suppressed={shownValue(total) === null} />
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('oversight.headline.admissionRate')}</dt>
        <dd>
          <Share value={statistics.admissionRate} notShown={t('oversight.headline.notShown')} />
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('oversight.headline.actionCompletion')}</dt>
        <dd>
          <Share value={statistics.actionCompletion} notShown={t('oversight.headline.notShownActions')} />
        </dd>
      </div>
    </dl>
  );
}
