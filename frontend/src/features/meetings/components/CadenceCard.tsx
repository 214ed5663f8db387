import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { CheckIcon, ClockIcon, MoonIcon, WarningIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { useCadence, useMeetingRequests, useMeetings, type Cadence, type Meeting } from '../api/use-meetings';
import { upcomingFor } from '../model/upcoming';

const MODE_ICON = { weekly: ClockIcon, monthly: ClockIcon, sleep: MoonIcon } as const;

/** R-CAD-1 … R-CAD-4 in words and an icon: the pace, the next due date, overdue or not, and why. */
export function CadenceStatus({ cadence }: { cadence: Cadence }) {
  const { t } = useTranslation();
  const format = useFormat();
  const Icon = MODE_ICON[cadence.mode];
  return (
    <div className="cadence">
      <p className="cadence__mode">
        <Icon className="cadence__icon" />
        <strong>{t('meetings.cadence.mode', { mode: t(`vocab.cadenceMode.${cadence.mode}`) })}</strong>
      </p>
      {cadence.nextDue !== null && cadence.nextDue !== undefined ? (
        <p>
          {t('meetings.cadence.nextDue', { date: format.fullDay(cadence.nextDue) })}{' '}
          {cadence.overdue ? (
            <span className="badge badge--warning">
              <WarningIcon className="badge__icon" />
              {cadence.daysOverdue > 0 ? t('meetings.cadence.overdueDays', { count: cadence.daysOverdue }) : t('meetings.cadence.overdue')}
            </span>
          ) : (
            <span className="badge badge--ok">
              <CheckIcon className="badge__icon" />
              {t('meetings.cadence.onTime')}
            </span>
          )}
        </p>
      ) : (
        <p>{t('meetings.cadence.adHoc')}</p>
      )}
      <p>{cadence.explanationText}</p>
      <p className="muted">
        {t('meetings.cadence.cases', { count: cadence.openCases, problematic: format.number(cadence.problematicCases) })}
      </p>
      {!cadence.constitutiveMeetingHeld && (
        <p className="guide">
          <WarningIcon className="guide__icon" />
          {t('meetings.cadence.constitutiveMissing')}
        </p>
      )}
    </div>
  );
}

function NextMeetings({ meetings, userId }: { meetings: readonly Meeting[]; userId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [now] = useState(() => new Date());
  const next = upcomingFor(meetings, userId, now).slice(0, 3);
  if (next.length === 0) return <p>{t('meetings.home.noNextMeetings')}</p>;
  return (
    <ul className="link-list">
      {next.map((meeting) => (
        <li key={meeting.id}>
          <Link to={`/meetings/${meeting.id}`}>
            {t('meetings.home.meetingLink', {
              table: t(`vocab.tableKind.${meeting.table}`),
              when: format.meetingTime(meeting.startsAt, meeting.endsAt),
            })}
          </Link>
          {meeting.status === 'inSession' && (
            <span className="badge badge--accent">{t('vocab.meetingStatus.inSession')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function OpenRequests({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const requests = useMeetingRequests(cellId, 'open');
  if (requests.isError) return <ProblemMessage error={requests.error} />;
  if (requests.data === undefined) return null;
  const count = requests.data.items.length;
  return (
    <p>
      {count === 0 ? t('meetings.home.noOpenRequests') : t('meetings.home.openRequests', { count })}{' '}
      {count > 0 && <Link to={`/cells/${cellId}/meetings/requests`}>{t('meetings.home.answerRequests')}</Link>}
    </p>
  );
}

interface CadenceCardProps {
  cellId: string;
  cellName: string;
  userId: string;
  /** Chairs a table of the cell: sees the requests and plans meetings. */
  chair: boolean;
}

/** The home page's card for one cell: the cadence, the chair's open requests, my next meetings. */
export function CadenceCard({ cellId, cellName, userId, chair }: CadenceCardProps) {
  const { t } = useTranslation();
  const cadence = useCadence(cellId);
  const meetings = useMeetings(cellId);
  return (
    <li className="card card--cadence">
      <h2 className="card__title">{t('meetings.home.title', { cell: cellName })}</h2>
      {cadence.isError && <ProblemMessage error={cadence.error} />}
      {cadence.data === undefined && !cadence.isError ? (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      ) : (
        cadence.data !== undefined && <CadenceStatus cadence={cadence.data} />
      )}
      {chair && <OpenRequests cellId={cellId} />}
      <h3 className="card__subtitle">{t('meetings.home.nextMeetings')}</h3>
      {meetings.isError ? (
        <ProblemMessage error={meetings.error} />
      ) : (
        meetings.data !== undefined && <NextMeetings meetings={meetings.data.items} userId={userId} />
      )}
      <ul className="link-list">
        <li>
          <Link to={`/cells/${cellId}/meetings`}>{t('meetings.home.allMeetings')}</Link>
        </li>
        {chair && (
          <li>
            <Link to={`/cells/${cellId}/meetings/new`}>{t('meetings.home.plan')}</Link>
          </li>
        )}
        <li>
          <Link to={`/cells/${cellId}/meetings/requests`}>{chair ? t('meetings.home.requests') : t('meetings.home.ask')}</Link>
        </li>
      </ul>
    </li>
  );
}
