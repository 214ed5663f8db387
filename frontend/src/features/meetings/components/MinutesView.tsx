import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ApiError } from '@/api/errors';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { needsMeetingAcknowledgement, notPresent, useMeeting, useMinutes, useOrganisations } from '../api/use-meetings';
import { AgendaItemTitle } from './MeetingDetails';
import { MeetingPlace } from './MeetingItem';
import { MinutesEntries } from './MinutesEntries';

/**
 * The minutes: per agenda item the decisions (in words) and the actions with their owner and
 * deadline — no narrative. Released to those present who confirmed the secrecy (R-PRIV-4); they
 * print cleanly (print styles hide the app around them).
 */
export function MinutesView({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const meeting = useMeeting(meetingId);
  const minutes = useMinutes(meetingId, true);
  const cellId = meeting.data?.cell ?? '';
  const organisations = useOrganisations(cellId, cellId !== '');

  const failure = meeting.error ?? minutes.error;
  if (failure !== null) {
    return (
      <>
        <h1>{t('meetings.minutes.title')}</h1>
        {needsMeetingAcknowledgement(failure) ? (
          <p>
            {t('meetings.minutes.acknowledgeFirst')} <Link to={`/meetings/${meetingId}`}>{t('meetings.minutes.toRoom')}</Link>
          </p>
        ) : notPresent(failure) ? (
          <p>{t('meetings.room.minutesForPresent')}</p>
        ) : failure instanceof ApiError && failure.status === 404 ? (
          <p>{t('meetings.room.notFound')}</p>
        ) : (
          <ProblemMessage error={failure} />
        )}
      </>
    );
  }
  if (meeting.data === undefined || minutes.data === undefined) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }

  const data = meeting.data;
  const entries = minutes.data.entries;
  const names = new Map((organisations.data?.items ?? []).map((organisation) => [organisation.id, organisation.name]));
  const organisationName = (id: string) => names.get(id) ?? t('cells.composition.someone');
  const present = data.attendance.filter((record) => record.present).map((record) => record.displayName);
  const loose = entries.filter((entry) => entry.agendaItem === null || entry.agendaItem === undefined);

  return (
    <article className="minutes">
      <p className="breadcrumb no-print">
        <Link to={`/meetings/${data.id}`}>{t('meetings.minutes.backToRoom')}</Link>
      </p>
      <h1>{t('meetings.minutes.titleOf', { table: t(`vocab.tableKind.${data.table}`) })}</h1>
      <p className="confidential">{t('meetings.minutes.confidential')}</p>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('meetings.details.when')}</dt>
          <dd>{format.meetingTime(data.startsAt, data.endsAt)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('meetings.details.place')}</dt>
          <dd>
            <MeetingPlace meeting={data} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('meetings.minutes.present')}</dt>
          <dd>{present.length === 0 ? '—' : format.list(present)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('meetings.minutes.status')}</dt>
          <dd>{t(`vocab.meetingStatus.${data.status}`)}</dd>
        </div>
      </dl>
      <p className="no-print">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            window.print();
          }}
        >
          {t('meetings.minutes.print')}
        </button>
      </p>
      {data.agenda.map((item) => (
        <section key={item.id} className="minutes__item" aria-labelledby={`minutes-item-${item.id}`}>
          <h2 id={`minutes-item-${item.id}`}>
            {item.position}. <AgendaItemTitle item={item} />
          </h2>
          <MinutesEntries
            entries={entries.filter((entry) => entry.agendaItem === item.id)}
            organisationName={organisationName}
            level="h3"
          />
        </section>
      ))}
      {loose.length > 0 && (
        <section className="minutes__item" aria-labelledby="minutes-other">
          <h2 id="minutes-other">{t('meetings.minutes.other')}</h2>
          <MinutesEntries entries={loose} organisationName={organisationName} level="h3" />
        </section>
      )}
      {data.agenda.length === 0 && loose.length === 0 && <p>{t('meetings.minutes.empty')}</p>}
    </article>
  );
}
