import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { CalendarIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { fetchCellCalendar, useMeetings, type Meeting } from '../api/use-meetings';
import { formatMonth, groupByWeek, mondayDate, monthOf, parseMonth, type Month } from '../model/calendar';
import { MeetingItem } from './MeetingItem';
import { MonthCalendar } from './MonthCalendar';

type View = 'list' | 'month';

function WeekGroups({ meetings, descending }: { meetings: readonly Meeting[]; descending: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      {groupByWeek(meetings, descending).map((group) => (
        <div key={group.monday} className="week-group">
          <h3 className="week-group__title">{t('meetings.list.week', { date: format.fullDay(mondayDate(group.monday)) })}</h3>
          <ul className="meeting-list">
            {group.items.map((meeting) => (
              <MeetingItem key={meeting.id} meeting={meeting} />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function saveAsFile(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

/** The cell's meetings as an .ics file: table, time and place — never case codes. */
function CalendarDownload({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="calendar-download">
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setSaved(false);
          setError(null);
          fetchCellCalendar(cellId)
            .then((text) => {
              saveAsFile('tafel-vergaderingen.ics', text);
              setSaved(true);
            })
            .catch((reason: unknown) => {
              setError(reason);
            })
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        <CalendarIcon className="button__icon" />
        {t('meetings.list.download')}
      </button>
      <p className="notice" role="status">
        {saved ? t('meetings.list.downloaded') : ''}
      </p>
      {error !== null && <ProblemMessage error={error} />}
    </div>
  );
}

/**
 * The meetings of the tables the user sits at, as a list per week (coming, then earlier) or as a
 * month grid. The view and the month live in the address (`?view=month&month=2026-05`).
 */
export function MeetingsOverview({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const meetings = useMeetings(cellId);
  const [now] = useState(() => Date.now());
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'month' ? 'month' : 'list';
  const month: Month = parseMonth(params.get('month')) ?? monthOf(new Date());

  function show(next: View, nextMonth: Month = month) {
    const changed = new URLSearchParams(params);
    if (next === 'list') {
      changed.delete('view');
      changed.delete('month');
    } else {
      changed.set('view', 'month');
      changed.set('month', formatMonth(nextMonth));
    }
    setParams(changed, { replace: true });
  }

  const items = meetings.data?.items ?? [];
  const coming = items.filter((meeting) => Date.parse(meeting.endsAt) >= now || meeting.status === 'inSession');
  const earlier = items.filter((meeting) => !coming.includes(meeting));

  return (
    <>
      <nav className="view-switch" aria-label={t('meetings.list.viewLabel')}>
        <ul className="view-switch__list">
          <li>
            <Link
              to={{ search: '' }}
              replace
              className={view === 'list' ? 'view-switch__link view-switch__link--active' : 'view-switch__link'}
              aria-current={view === 'list' ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                show('list');
              }}
            >
              {t('meetings.list.viewList')}
            </Link>
          </li>
          <li>
            <Link
              to={{ search: `?view=month&month=${formatMonth(month)}` }}
              replace
              className={view === 'month' ? 'view-switch__link view-switch__link--active' : 'view-switch__link'}
              aria-current={view === 'month' ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                show('month');
              }}
            >
              {t('meetings.list.viewMonth')}
            </Link>
          </li>
        </ul>
      </nav>
      {meetings.isError && <ProblemMessage error={meetings.error} />}
      {meetings.isPending && (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {meetings.data !== undefined &&
        (view === 'month' ? (
          <MonthCalendar
            month={month}
            meetings={items}
            onMonthChange={(next) => {
              show('month', next);
            }}
          />
        ) : (
          <>
            <section aria-labelledby="meetings-coming">
              <h2 id="meetings-coming">{t('meetings.list.coming')}</h2>
              {coming.length === 0 ? <p>{t('meetings.list.noneComing')}</p> : <WeekGroups meetings={coming} descending={false} />}
            </section>
            <section aria-labelledby="meetings-earlier">
              <h2 id="meetings-earlier">{t('meetings.list.earlier')}</h2>
              {earlier.length === 0 ? <p>{t('meetings.list.noneEarlier')}</p> : <WeekGroups meetings={earlier} descending />}
            </section>
          </>
        ))}
      <CalendarDownload cellId={cellId} />
    </>
  );
}
