import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useNavigate, useParams } from 'react-router';

import { usePageTitle } from '@/components/use-page-title';
import {
  chairedTables,
  Loading,
  OPERATIONAL_ROLES,
  rolesIn,
  TABLE_ROLES,
  tableCellIds,
  useMe,
  type Me,
} from '@/features/auth';
import { ApprovalPanel } from '@/features/feedback';
import {
  MeetingPlanner,
  MeetingRequests,
  MeetingRoom,
  MeetingsOverview,
  MinutesView,
  useMeeting,
  useMyCells,
} from '@/features/meetings';

import { ForbiddenPage } from './forbidden';

// The meetings area, loaded on demand (React.lazy in router.tsx): the list and month view, the
// planner, the meeting room, the minutes and the meeting requests.

function useMeetingAccess() {
  const { cellId = '', meetingId = '' } = useParams();
  const me = useMe();
  const roles = me.data === undefined ? [] : rolesIn(me.data, cellId);
  return { cellId, meetingId, me: me.data, roles, userId: me.data?.id ?? '' };
}

/** Only people seated at a table of the cell see its meetings (the server says 404 otherwise). */
export function RequireTableSeat() {
  const { roles, me } = useMeetingAccess();
  if (me === undefined) return <Loading />;
  return roles.some((role) => TABLE_ROLES.includes(role)) ? <Outlet /> : <ForbiddenPage />;
}

/** `/meetings`: straight to the one cell, or a choice when there are several. */
export function MeetingsEntryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const cells = useMyCells();
  usePageTitle(t('meetings.list.title'));
  if (me.data === undefined) return <Loading />;
  const ids = tableCellIds(me.data);
  const [only] = ids;
  if (ids.length === 1 && only !== undefined) return <Navigate to={`/cells/${only}/meetings`} replace />;
  const names = new Map((cells.data?.items ?? []).map((cell) => [cell.id, cell.name]));
  return (
    <>
      <h1>{t('meetings.list.title')}</h1>
      {ids.length === 0 ? (
        <p>{t('meetings.chooser.none')}</p>
      ) : (
        <>
          <p>{t('meetings.chooser.intro')}</p>
          <ul className="link-list">
            {ids.map((id) => (
              <li key={id}>
                <Link to={`/cells/${id}/meetings`}>{names.get(id) ?? id}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function MeetingListPage() {
  const { t } = useTranslation();
  const { cellId, me } = useMeetingAccess();
  usePageTitle(t('meetings.list.title'));
  const chair = me !== undefined && chairedTables(me, cellId).length > 0;
  return (
    <>
      <h1>{t('meetings.list.title')}</h1>
      <p className="lead">{t('meetings.list.intro')}</p>
      <p className="button-row">
        {chair && (
          <Link className="button" to={`/cells/${cellId}/meetings/new`}>
            {t('meetings.home.plan')}
          </Link>
        )}
        <Link className="button button--secondary" to={`/cells/${cellId}/meetings/requests`}>
          {chair ? t('meetings.home.requests') : t('meetings.home.ask')}
        </Link>
      </p>
      <MeetingsOverview cellId={cellId} />
    </>
  );
}

export function PlanMeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { cellId, me, userId } = useMeetingAccess();
  usePageTitle(t('meetings.planner.pageTitle'));
  if (me === undefined) return <Loading />;
  const chairOf = chairedTables(me, cellId);
  if (chairOf.length === 0) return <ForbiddenPage />;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/cells/${cellId}/meetings`}>{t('meetings.list.title')}</Link>
      </p>
      <h1>{t('meetings.planner.pageTitle')}</h1>
      <p className="lead">{t('meetings.planner.intro')}</p>
      <MeetingPlanner
        cellId={cellId}
        userId={userId}
        chairOf={chairOf}
        cancelTo={`/cells/${cellId}/meetings`}
        onDone={(meeting) => void navigate(`/meetings/${meeting.id}`)}
      />
    </>
  );
}

export function ReplanMeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { meetingId, me, userId } = useMeetingAccess();
  const meeting = useMeeting(meetingId);
  usePageTitle(t('meetings.planner.replanTitle'));
  if (me === undefined || meeting.data === undefined) {
    return meeting.isError ? <p>{t('meetings.room.notFound')}</p> : <Loading />;
  }
  const data = meeting.data;
  const chairOf = chairedTables(me, data.cell);
  if (!chairOf.includes(data.table)) return <ForbiddenPage />;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/meetings/${data.id}`}>{t('meetings.room.back')}</Link>
      </p>
      <h1>{t('meetings.planner.replanTitle')}</h1>
      {data.status === 'planned' ? (
        <MeetingPlanner
          cellId={data.cell}
          userId={userId}
          chairOf={[data.table]}
          meeting={data}
          cancelTo={`/meetings/${data.id}`}
          onDone={(changed) => void navigate(`/meetings/${changed.id}`)}
        />
      ) : (
        <p>{t('meetings.planner.notPlanned')}</p>
      )}
    </>
  );
}

export function MeetingRoomPage() {
  const { t } = useTranslation();
  const { meetingId, me, userId } = useMeetingAccess();
  usePageTitle(t('meetings.room.pageTitle'));
  if (me === undefined) return <Loading />;
  return (
    <MeetingRoom
      meetingId={meetingId}
      userId={userId}
      rolesIn={(cellId) => rolesIn(me, cellId)}
      renderFeedbackForm={({ meeting, item }) =>
        item.case === null || item.case === undefined ? null : (
          <ApprovalPanel
            meeting={meeting}
            caseId={item.case}
            caseCode={item.caseCode ?? ''}
            userId={userId}
            informationOfficer={rolesIn(me, meeting.cell).includes('informationOfficer')}
          />
        )
      }
    />
  );
}

export function MinutesPage() {
  const { t } = useTranslation();
  const { meetingId } = useMeetingAccess();
  usePageTitle(t('meetings.minutes.title'));
  return <MinutesView meetingId={meetingId} />;
}

function isOperational(me: Me, cellId: string) {
  return rolesIn(me, cellId).some((role) => OPERATIONAL_ROLES.includes(role));
}

export function MeetingRequestsPage() {
  const { t } = useTranslation();
  const { cellId, me, roles } = useMeetingAccess();
  usePageTitle(t('meetings.requests.title'));
  if (me === undefined) return <Loading />;
  const chair = chairedTables(me, cellId).length > 0;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/cells/${cellId}/meetings`}>{t('meetings.list.title')}</Link>
      </p>
      <h1>{t('meetings.requests.title')}</h1>
      <p className="lead">{t('meetings.requests.intro')}</p>
      <MeetingRequests
        cellId={cellId}
        chair={chair}
        operational={isOperational(me, cellId)}
        mayAsk={roles.some((role) => TABLE_ROLES.includes(role))}
      />
    </>
  );
}
