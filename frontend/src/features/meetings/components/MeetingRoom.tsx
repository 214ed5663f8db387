import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ApiError } from '@/api/errors';
import { ProblemMessage } from '@/components/ProblemMessage';

import {
  useChangeMeetingStatus,
  useMeeting,
  useMinutes,
  useOrganisations,
  useTables,
  type Meeting,
} from '../api/use-meetings';
import { attendees } from '../model/attendance';
import { AgendaWalk } from './AgendaWalk';
import { AttendancePanel } from './AttendancePanel';
import type { FeedbackFormSlotContext } from './FeedbackFormSlot';
import { MeetingCheckIn } from './MeetingCheckIn';
import { MeetingDetails } from './MeetingDetails';
import { MeetingStatusBadge } from './MeetingItem';

interface MeetingRoomProps {
  meetingId: string;
  userId: string;
  /** The user's roles in a cell (the meeting's cell is known once it is read). */
  rolesIn: (cellId: string) => readonly string[];
  /** The feedback form's approval panel, composed in by `src/app` (see `FeedbackFormSlot`). */
  renderFeedbackForm?: (context: FeedbackFormSlotContext) => ReactNode;
}

/** Open, cancel or change a planned meeting: the chair's buttons, with refusals in place. */
function PlannedControls({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const change = useChangeMeetingStatus(meeting.id);
  const [cancelling, setCancelling] = useState(false);
  return (
    <section className="panel" aria-labelledby="session-controls-title">
      <h2 id="session-controls-title">{t('meetings.room.controlsTitle')}</h2>
      <p>{t('meetings.room.openHint')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={change.isPending}
          onClick={() => {
            change.mutate('inSession');
          }}
        >
          {t('meetings.room.open')}
        </button>
        <Link className="button button--secondary" to={`/meetings/${meeting.id}/edit`}>
          {t('meetings.room.replan')}
        </Link>
        {cancelling ? (
          <span className="confirm" role="group" aria-label={t('meetings.room.cancel')}>
            <span>{t('meetings.room.confirmCancel')}</span>
            <button
              type="button"
              className="button button--danger"
              disabled={change.isPending}
              onClick={() => {
                change.mutate('cancelled', {
                  onSettled() {
                    setCancelling(false);
                  },
                });
              }}
            >
              {t('meetings.room.cancelConfirm')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setCancelling(false);
              }}
            >
              {t('meetings.room.keep')}
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setCancelling(true);
            }}
          >
            {t('meetings.room.cancel')}
          </button>
        )}
      </div>
      {change.isError && (
        <div className="refusal">
          <ProblemMessage error={change.error} />
          {change.error instanceof ApiError && change.error.rule === 'R-MEM-4' && (
            <p className="refusal__explain">
              {t('meetings.room.r4explain')} <Link to={`/cells/${meeting.cell}/tables`}>{t('meetings.room.toTables')}</Link>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function CloseControl({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const change = useChangeMeetingStatus(meeting.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="panel" aria-labelledby="session-close-title">
      <h2 id="session-close-title">{t('meetings.room.closeTitle')}</h2>
      <p>{t('meetings.room.closeHint')}</p>
      {confirming ? (
        <span className="confirm" role="group" aria-label={t('meetings.room.close')}>
          <span>{t('meetings.room.confirmClose')}</span>
          <button
            type="button"
            className="button"
            disabled={change.isPending}
            onClick={() => {
              change.mutate('held');
            }}
          >
            {t('meetings.room.closeConfirm')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setConfirming(false);
            }}
          >
            {t('common.cancel')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            setConfirming(true);
          }}
        >
          {t('meetings.room.close')}
        </button>
      )}
      {change.isError && <ProblemMessage error={change.error} />}
    </section>
  );
}

/**
 * The meeting room. Planned: the details and, for the chair, open (refused in place for a table
 * out of balance, R-MEM-4), change or cancel. In session: the chair checks members in; every
 * attendee confirms the secrecy of this meeting (R-PRIV-4) before the session view opens; the
 * agenda is walked item by item, decisions and actions recorded in place; the chair closes it.
 */
export function MeetingRoom({ meetingId, userId, rolesIn, renderFeedbackForm }: MeetingRoomProps) {
  const { t } = useTranslation();
  const meeting = useMeeting(meetingId);
  const cellId = meeting.data?.cell ?? '';
  const tables = useTables(cellId, cellId !== '');
  const organisations = useOrganisations(cellId, cellId !== '');
  const me = meeting.data?.attendance.find((record) => record.user === userId);
  const inSessionView = me?.present === true && me.acknowledged;
  const minutes = useMinutes(meetingId, inSessionView && meeting.data?.status === 'inSession');

  if (meeting.isError) {
    return (
      <>
        <h1>{t('meetings.room.titleUnknown')}</h1>
        {meeting.error instanceof ApiError && meeting.error.status === 404 ? (
          <p>{t('meetings.room.notFound')}</p>
        ) : (
          <ProblemMessage error={meeting.error} />
        )}
      </>
    );
  }
  if (meeting.data === undefined) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }

  const data = meeting.data;
  const roles = rolesIn(data.cell);
  const chair = roles.includes(data.table === 'operational' ? 'operationalChair' : 'strategicChair');
  const members = (tables.data?.items.find((table) => table.kind === data.table)?.members ?? []).map((member) => ({
    user: member.user,
    displayName: member.displayName,
  }));
  const list = attendees(data, members);

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/cells/${data.cell}/meetings`}>{t('meetings.list.title')}</Link>
      </p>
      <h1>
        {t('meetings.room.title', { table: t(`vocab.tableKind.${data.table}`) })} <MeetingStatusBadge status={data.status} />
      </h1>
      <MeetingDetails meeting={data} />

      {data.status === 'planned' && (chair ? <PlannedControls meeting={data} /> : <p>{t('meetings.room.plannedMember')}</p>)}

      {data.status === 'cancelled' && <p className="notice">{t('meetings.room.cancelled')}</p>}

      {data.status === 'inSession' && (
        <>
          {chair && <AttendancePanel meeting={data} attendees={list} />}
          {me?.present !== true ? (
            <section className="panel" aria-labelledby="waiting-title">
              <h2 id="waiting-title">{t('meetings.room.waitingTitle')}</h2>
              <p>{chair ? t('meetings.room.waitingChair') : t('meetings.room.waiting')}</p>
            </section>
          ) : !me.acknowledged ? (
            <MeetingCheckIn meeting={data} />
          ) : (
            <>
              {minutes.isError && <ProblemMessage error={minutes.error} />}
              <AgendaWalk
                meeting={data}
                entries={minutes.data?.entries ?? []}
                organisations={organisations.data?.items ?? []}
                chair={chair}
                renderFeedbackForm={renderFeedbackForm}
                onRefresh={() => void minutes.refetch()}
                refreshing={minutes.isFetching}
              />
              <p>
                <Link to={`/meetings/${data.id}/minutes`}>{t('meetings.room.minutesSoFar')}</Link>
              </p>
            </>
          )}
          {chair && <CloseControl meeting={data} />}
        </>
      )}

      {data.status === 'held' && (
        <section className="panel" aria-labelledby="held-title">
          <h2 id="held-title">{t('meetings.room.heldTitle')}</h2>
          {inSessionView ? (
            <p>
              <Link className="button" to={`/meetings/${data.id}/minutes`}>
                {t('meetings.room.readMinutes')}
              </Link>
            </p>
          ) : (
            <p>{t('meetings.room.minutesForPresent')}</p>
          )}
        </section>
      )}
    </>
  );
}
