import { useTranslation } from 'react-i18next';

import { CheckIcon, ClockIcon, CrossIcon } from '@/components/icons';

import type { PanelRow, PanelView } from '../model/panel';

const ICON = { approved: CheckIcon, objected: CrossIcon, awaited: ClockIcon };

function RowText({ row, version }: { row: PanelRow; version: number }) {
  const { t } = useTranslation();
  const state =
    row.state === 'approved'
      ? t('feedback.verdict.approvedVersion', { version })
      : row.state === 'objected'
        ? t('feedback.verdict.objectedVersion', { version })
        : t('feedback.verdict.awaited');
  return (
    <>
      <strong>{row.name}</strong>: {state}
      {!row.present && <span className="muted"> {t('feedback.verdict.notPresent')}</span>}
    </>
  );
}

/**
 * Who approved, who objected (with the reason) and who is still awaited, by name, in words with an
 * icon — never the colour alone. Only the present participants count (R-FB-2).
 */
export function VerdictList({ view, label }: { view: PanelView; label: string }) {
  const { t } = useTranslation();
  if (view.rows.length === 0) return <p>{t('feedback.verdict.nobody')}</p>;
  return (
    <ul className="verdicts" aria-label={label}>
      {view.rows.map((row) => {
        const Icon = ICON[row.state];
        return (
          <li key={row.member} className={`verdict verdict--${row.state}`}>
            <Icon className="verdict__icon" />
            <div>
              <p className="verdict__text">
                <RowText row={row} version={view.version} />
              </p>
              {row.reason !== null && (
                <p className="verdict__reason">
                  {t('feedback.verdict.reason')} <span className="feedback-text">{row.reason}</span>
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
