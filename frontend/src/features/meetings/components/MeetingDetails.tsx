import { useTranslation } from 'react-i18next';

import { useFormat } from '@/i18n/format';

import type { AgendaItem, Meeting } from '../api/use-meetings';
import { concernsCase } from '../model/decisions';

/** "Admission — case C-2026-0007" or a general item's title. */
export function AgendaItemTitle({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  if (!concernsCase(item.purpose)) return <>{item.title ?? t('vocab.agendaPurpose.general')}</>;
  return (
    <>
      {t(`vocab.agendaPurpose.${item.purpose}`)} — {t('meetings.item.case')}{' '}
      <code translate="no">{item.caseCode ?? '—'}</code>
    </>
  );
}

/** When, where, who is invited and the agenda, as a definition list. */
export function MeetingDetails({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const format = useFormat();
  const invitees = meeting.invitees.map((person) => person.displayName).filter((name) => name !== '');
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>{t('meetings.details.when')}</dt>
        <dd>{format.meetingTime(meeting.startsAt, meeting.endsAt)}</dd>
      </div>
      {meeting.place !== '' && (
        <div className="summary-list__row">
          <dt>{t('meetings.details.place')}</dt>
          <dd>{meeting.place}</dd>
        </div>
      )}
      {meeting.onlineLink !== '' && (
        <div className="summary-list__row">
          <dt>{t('meetings.details.link')}</dt>
          <dd>
            <a href={meeting.onlineLink} rel="noreferrer noopener" target="_blank" className="break">
              {meeting.onlineLink}
              <span className="visually-hidden"> {t('meetings.details.newWindow')}</span>
            </a>
          </dd>
        </div>
      )}
      <div className="summary-list__row">
        <dt>{t('meetings.details.invitees')}</dt>
        <dd>{invitees.length === 0 ? '—' : format.list(invitees)}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('meetings.details.agenda')}</dt>
        <dd>
          {meeting.agenda.length === 0 ? (
            t('meetings.details.noAgenda')
          ) : (
            <ol className="plain-list">
              {meeting.agenda.map((item) => (
                <li key={item.id}>
                  <AgendaItemTitle item={item} />
                </li>
              ))}
            </ol>
          )}
        </dd>
      </div>
    </dl>
  );
}
