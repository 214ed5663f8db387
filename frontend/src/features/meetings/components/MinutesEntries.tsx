import { useTranslation } from 'react-i18next';

import { useFormat } from '@/i18n/format';

import type { MinutesEntry } from '../api/use-meetings';
import { decisionLabel } from '../model/decisions';

interface MinutesEntriesProps {
  entries: readonly MinutesEntry[];
  organisationName: (id: string) => string;
  /** Heading level of "Decisions" and "Actions" (`h3` on the minutes, `h4` in the room). */
  level: 'h3' | 'h4';
}

/** The decisions (in words) and the actions (owner and deadline) of one agenda item. */
export function MinutesEntries({ entries, organisationName, level: Heading }: MinutesEntriesProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const decisions = entries.filter((entry) => entry.kind === 'decision');
  const actions = entries.filter((entry) => entry.kind === 'action');
  return (
    <div className="minutes-entries">
      <Heading className="minutes-entries__title">{t('meetings.minutes.decisions')}</Heading>
      {decisions.length === 0 ? (
        <p className="muted">{t('meetings.minutes.noDecisions')}</p>
      ) : (
        <ul className="minutes-list">
          {decisions.map((entry) => (
            <li key={entry.id}>
              <strong>{decisionLabel(entry.decision, t)}</strong>
              {entry.text !== '' && <span className="prose"> — {entry.text}</span>}
            </li>
          ))}
        </ul>
      )}
      <Heading className="minutes-entries__title">{t('meetings.minutes.actions')}</Heading>
      {actions.length === 0 ? (
        <p className="muted">{t('meetings.minutes.noActions')}</p>
      ) : (
        <table className="table minutes-actions">
          <thead>
            <tr>
              <th scope="col">{t('meetings.minutes.action')}</th>
              <th scope="col">{t('meetings.minutes.owner')}</th>
              <th scope="col">{t('meetings.minutes.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((entry) => (
              <tr key={entry.id}>
                <td className="prose">{entry.text}</td>
                <td>{entry.owner === null || entry.owner === undefined ? '—' : organisationName(entry.owner)}</td>
                <td>{entry.deadline === null || entry.deadline === undefined ? '—' : format.day(entry.deadline)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
