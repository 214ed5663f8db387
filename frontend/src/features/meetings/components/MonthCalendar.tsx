import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { isoDay, useFormat } from '@/i18n/format';

import type { Meeting } from '../api/use-meetings';
import { addMonths, groupByDay, monthGrid, monthOf, moveDay, sameMonth, weekDays, type Month } from '../model/calendar';
import { MeetingItem } from './MeetingItem';

interface MonthCalendarProps {
  month: Month;
  meetings: readonly Meeting[];
  onMonthChange: (month: Month) => void;
}

/** The day that has the focus in a month: the one chosen before, today, or the first. */
function initialDay(month: Month, today: Date): Date {
  return sameMonth(today, month) ? today : new Date(month.year, month.month, 1);
}

/**
 * A month as an accessible grid (the WAI-ARIA date grid pattern): one tab stop, the arrows move
 * by day and week, Home and End to the week's ends, Page Up and Page Down by month. The chosen
 * day's meetings are listed under the grid, as links.
 */
export function MonthCalendar({ month, meetings, onMonthChange }: MonthCalendarProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [today] = useState(() => new Date());
  const [active, setActive] = useState(() => initialDay(month, today));
  const refocus = useRef(false);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const days = groupByDay(meetings);
  const shown = sameMonth(active, month) ? active : initialDay(month, today);
  const shownKey = isoDay(shown);
  const headingId = 'month-title';

  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    buttons.current.get(shownKey)?.focus();
  }, [shownKey]);

  function go(day: Date) {
    refocus.current = true;
    setActive(day);
    if (!sameMonth(day, month)) onMonthChange(monthOf(day));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const next = moveDay(shown, event.key);
    if (next === null) return;
    event.preventDefault();
    go(next);
  }

  function turn(count: number) {
    const target = addMonths(month, count);
    setActive(initialDay(target, today));
    onMonthChange(target);
  }

  const selected = days.get(shownKey) ?? [];

  return (
    <section className="month" aria-labelledby={headingId}>
      <div className="month__bar">
        <h2 id={headingId} className="month__title" aria-live="polite">
          {format.monthYear(new Date(month.year, month.month, 1))}
        </h2>
        <div className="button-row">
          <button type="button" className="button button--secondary button--small" onClick={() => { turn(-1); }}>
            {t('meetings.month.previous')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setActive(today);
              onMonthChange(monthOf(today));
            }}
          >
            {t('meetings.month.today')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => { turn(1); }}>
            {t('meetings.month.next')}
          </button>
        </div>
      </div>
      <p className="muted" id="month-help">
        {t('meetings.month.help')}
      </p>
      {/* The WAI-ARIA date grid: a table whose cells are navigated with the arrow keys. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-to-interactive-role */}
      <table role="grid" className="month__grid" aria-labelledby={headingId} aria-describedby="month-help" onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {weekDays().map((day) => (
              <th key={day.getDay()} scope="col" abbr={format.weekdayLong(day)}>
                {format.weekdayShort(day)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month).map((week, row) => (
            <tr key={row}>
              {week.map((day, column) => {
                if (day === null) return <td key={column} role="gridcell" className="month__cell month__cell--empty" />;
                const key = isoDay(day);
                const list = days.get(key) ?? [];
                const isShown = key === shownKey;
                return (
                  <td
                    key={column}
                    role="gridcell"
                    aria-selected={isShown}
                    className={isShown ? 'month__cell month__cell--selected' : 'month__cell'}
                  >
                    <button
                      type="button"
                      className={list.length > 0 ? 'month__day month__day--busy' : 'month__day'}
                      tabIndex={isShown ? 0 : -1}
                      aria-current={key === isoDay(today) ? 'date' : undefined}
                      ref={(element) => {
                        if (element === null) buttons.current.delete(key);
                        else buttons.current.set(key, element);
                      }}
                      onClick={() => {
                        go(day);
                      }}
                    >
                      <span className="month__number" aria-hidden="true">
                        {day.getDate()}
                      </span>
                      <span className="visually-hidden">
                        {format.fullDay(day)}
                        {list.length > 0 && `, ${t('meetings.month.count', { count: list.length })}`}
                      </span>
                      {list.length > 0 && (
                        <span className="month__times" aria-hidden="true">
                          {list.map((meeting) => (
                            <span key={meeting.id} className="month__time">
                              {format.clock(meeting.startsAt)}
                            </span>
                          ))}
                        </span>
                      )}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <section className="month__day-panel" aria-labelledby="month-day-title">
        <h3 id="month-day-title">{t('meetings.month.dayTitle', { date: format.fullDay(shown) })}</h3>
        {selected.length === 0 ? (
          <p>{t('meetings.month.dayEmpty')}</p>
        ) : (
          <ul className="meeting-list">
            {selected.map((meeting) => (
              <MeetingItem key={meeting.id} meeting={meeting} />
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
