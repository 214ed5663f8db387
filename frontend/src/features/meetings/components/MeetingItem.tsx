import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useFormat } from '@/i18n/format';

import type { Meeting, MeetingStatus } from '../api/use-meetings';

const STATUS_BADGE: Record<MeetingStatus, string> = {
  planned: 'badge',
  inSession: 'badge badge--accent',
  held: 'badge badge--ok',
  cancelled: 'badge badge--muted',
};

/** A meeting's status as a word (the colour only repeats it). */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <span className={STATUS_BADGE[status]}>{t(`vocab.meetingStatus.${status}`)}</span>;
}

/** Where: the place, the online link, or both. */
export function MeetingPlace({ meeting }: { meeting: Pick<Meeting, 'place' | 'onlineLink'> }) {
  const { t } = useTranslation();
  return (
    <>
      {meeting.place !== '' && <span>{meeting.place}</span>}
      {meeting.place !== '' && meeting.onlineLink !== '' && ' · '}
      {meeting.onlineLink !== '' && <span>{t('meetings.item.online')}</span>}
    </>
  );
}

/** One line of a list of meetings: table and time as the link, status, place, agenda size. */
export function MeetingItem({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className={meeting.status === 'cancelled' ? 'meeting-item meeting-item--cancelled' : 'meeting-item'}>
      <p className="meeting-item__title">
        <Link to={`/meetings/${meeting.id}`}>
          {t('meetings.item.link', {
            table: t(`vocab.tableKind.${meeting.table}`),
            when: format.meetingTime(meeting.startsAt, meeting.endsAt),
          })}
        </Link>
        <MeetingStatusBadge status={meeting.status} />
      </p>
      <p className="meeting-item__meta">
        <MeetingPlace meeting={meeting} /> · {t('meetings.item.agenda', { count: meeting.agenda.length })}
      </p>
    </li>
  );
}
