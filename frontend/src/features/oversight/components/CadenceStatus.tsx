import { useTranslation } from 'react-i18next';

import { Check } from '@/components/Check';
import { useFormat } from '@/i18n/format';

import type { Cadence } from '../api/use-oversight';

/**
 * The operational table's pace (R-CAD-1 … R-CAD-4): the mode, the next due date and whether the
 * table is late — said in words, the icon only repeats it.
 */
export function CadenceStatus({ cadence }: { cadence: Cadence }) {
  const { t } = useTranslation();
  const format = useFormat();
  const due = cadence.nextDue ?? null;
  return (
    <>
      <p>
        <strong>{t(`oversight.cadence.mode.${cadence.mode}`)}</strong> — {t(`oversight.cadence.explain.${cadence.mode}`)}
      </p>
      <ul className="checklist">
        {cadence.overdue ? (
          <Check state="warning">
            <strong>{t('oversight.cadence.overdue')}</strong>
            {due !== null && <> {t('oversight.cadence.dueSince', { date: format.instant(due) })}</>}
          </Check>
        ) : (
          <Check state="ok">
            <strong>{t('oversight.cadence.onSchedule')}</strong>{' '}
            {due === null ? t('oversight.cadence.noneDue') : t('oversight.cadence.nextDue', { date: format.instant(due) })}
          </Check>
        )}
      </ul>
    </>
  );
}
