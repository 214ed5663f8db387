import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Meeting, MinutesEntry, Organisation } from '../api/use-meetings';
import { concernsCase } from '../model/decisions';
import { DecisionForm } from './DecisionForm';
import { FeedbackFormSlot, type FeedbackFormSlotContext } from './FeedbackFormSlot';
import { AgendaItemTitle } from './MeetingDetails';
import { MinutesActionForm } from './MinutesActionForm';
import { MinutesEntries } from './MinutesEntries';

interface AgendaWalkProps {
  meeting: Meeting;
  entries: readonly MinutesEntry[];
  organisations: readonly Organisation[];
  /** The chair records decisions and actions; the others follow. */
  chair: boolean;
  renderFeedbackForm?: ((context: FeedbackFormSlotContext) => ReactNode) | undefined;
  /** Read the minutes again (the others follow what the chair records). */
  onRefresh: () => void;
  refreshing: boolean;
}

/**
 * The session's agenda, walked item by item: the items as steps, the current one with what the
 * table decided and agreed so far, and — for the chair — the decision and action forms in place.
 */
export function AgendaWalk({ meeting, entries, organisations, chair, renderFeedbackForm, onRefresh, refreshing }: AgendaWalkProps) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const moved = useRef(false);
  const title = useRef<HTMLHeadingElement>(null);
  const names = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
  const organisationName = (id: string) => names.get(id) ?? t('cells.composition.someone');
  const people = new Map(meeting.invitees.map((person) => [person.user, person.displayName]));
  for (const record of meeting.attendance) people.set(record.user, record.displayName);
  const total = meeting.agenda.length;
  const item = meeting.agenda[Math.min(index, total - 1)];
  const loose = entries.filter((entry) => entry.agendaItem === null || entry.agendaItem === undefined);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    title.current?.focus();
  }, [index]);

  function go(to: number) {
    moved.current = true;
    setIndex(to);
  }

  return (
    <section className="agenda-walk" aria-labelledby="agenda-walk-title">
      <h2 id="agenda-walk-title">{t('meetings.walk.title')}</h2>
      {item === undefined ? (
        <p>{t('meetings.details.noAgenda')}</p>
      ) : (
        <>
          <nav aria-label={t('meetings.walk.items')}>
            <ol className="agenda-steps">
              {meeting.agenda.map((step, at) => (
                <li key={step.id}>
                  <button
                    type="button"
                    className={at === index ? 'agenda-steps__step agenda-steps__step--current' : 'agenda-steps__step'}
                    aria-current={at === index ? 'step' : undefined}
                    onClick={() => {
                      go(at);
                    }}
                  >
                    {at + 1}. <AgendaItemTitle item={step} />
                    {entries.some((entry) => entry.agendaItem === step.id && entry.kind === 'decision') && (
                      <span className="visually-hidden"> {t('meetings.walk.decided')}</span>
                    )}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          <article className="panel agenda-item" aria-labelledby="agenda-item-title">
            <h3 id="agenda-item-title" ref={title} tabIndex={-1}>
              {t('meetings.walk.position', { number: index + 1, total })}: <AgendaItemTitle item={item} />
            </h3>
            {item.invitees.length > 0 && (
              <p className="muted">
                {t('meetings.walk.itemInvitees', {
                  names: item.invitees.map((user) => people.get(user) ?? t('cells.composition.someone')).join(', '),
                })}
              </p>
            )}
            {concernsCase(item.purpose) && item.case !== null && item.case !== undefined && (
              <p>
                <Link to={`/cells/${meeting.cell}/cases/${item.case}`}>
                  {t('meetings.walk.openCase', { code: item.caseCode ?? '' })}
                </Link>
              </p>
            )}
            <MinutesEntries
              entries={entries.filter((entry) => entry.agendaItem === item.id)}
              organisationName={organisationName}
              level="h4"
            />
            {!chair && (
              <button type="button" className="button button--secondary button--small" disabled={refreshing} onClick={onRefresh}>
                {t('meetings.walk.refresh')}
              </button>
            )}
            {item.purpose === 'feedbackForm' && (
              <FeedbackFormSlot render={renderFeedbackForm} context={{ meeting, item, chair, present: true }} />
            )}
            {chair && concernsCase(item.purpose) && <DecisionForm key={item.id} meeting={meeting} item={item} />}
            {chair && <MinutesActionForm key={`action-${item.id}`} meeting={meeting} item={item} organisations={organisations} />}
            <div className="button-row agenda-item__nav">
              <button
                type="button"
                className="button button--secondary"
                disabled={index === 0}
                onClick={() => {
                  go(index - 1);
                }}
              >
                {t('meetings.walk.previous')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={index >= total - 1}
                onClick={() => {
                  go(index + 1);
                }}
              >
                {t('meetings.walk.next')}
              </button>
            </div>
          </article>
        </>
      )}
      {(loose.length > 0 || (chair && total === 0)) && (
        <section className="panel" aria-labelledby="agenda-other-title">
          <h3 id="agenda-other-title">{t('meetings.minutes.other')}</h3>
          <MinutesEntries entries={loose} organisationName={organisationName} level="h4" />
          {chair && <MinutesActionForm meeting={meeting} item={null} organisations={organisations} />}
        </section>
      )}
    </section>
  );
}
