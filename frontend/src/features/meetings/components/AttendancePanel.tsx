import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { CheckIcon, ClockIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';

import { useRecordAttendance, type Meeting } from '../api/use-meetings';
import { attendanceChange, attendanceCounts, type Attendee } from '../model/attendance';

interface AttendancePanelProps {
  meeting: Meeting;
  attendees: readonly Attendee[];
}

/** Who is acknowledged, in words and an icon. */
function AcknowledgementState({ attendee }: { attendee: Attendee }) {
  const { t } = useTranslation();
  if (!attendee.present) return null;
  return attendee.acknowledged ? (
    <span className="ack ack--done">
      <CheckIcon className="ack__icon" />
      {t('meetings.attendance.acknowledged')}
    </span>
  ) : (
    <span className="ack ack--waiting">
      <ClockIcon className="ack__icon" />
      {t('meetings.attendance.waiting')}
    </span>
  );
}

/**
 * The chair checks in who is effectively present (what a feedback form's consensus counts,
 * R-FB-2) and sees who confirmed the secrecy of this meeting (R-PRIV-4).
 */
export function AttendancePanel({ meeting, attendees }: AttendancePanelProps) {
  const { t } = useTranslation();
  const record = useRecordAttendance(meeting.id);
  const [checked, setChecked] = useState<ReadonlySet<string> | null>(null);
  const [message, setMessage] = useState('');
  const current = checked ?? new Set(attendees.filter((person) => person.present).map((person) => person.user));
  const counts = attendanceCounts(attendees);
  const someone = t('cells.composition.someone');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage('');
    const change = attendanceChange(meeting.attendance, current);
    if (change === null) {
      setMessage(t('meetings.attendance.unchanged'));
      return;
    }
    record.mutate(change, {
      onSuccess() {
        setChecked(null);
        setMessage(t('meetings.attendance.saved'));
      },
    });
  }

  return (
    <section className="panel attendance" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('meetings.attendance.title')}</h2>
      <p>{t('meetings.attendance.intro')}</p>
      <p aria-live="polite">
        <strong>{t('meetings.attendance.counts', { count: counts.present, acknowledged: counts.acknowledged })}</strong>
      </p>
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={record.isPending}>
        <fieldset className="fieldset">
          <legend className="field__label">{t('meetings.attendance.legend')}</legend>
          <ul className="attendance__list">
            {attendees.map((person) => {
              const id = `attendance-${person.user}`;
              return (
                <li key={person.user} className="choice attendance__person">
                  <input
                    id={id}
                    type="checkbox"
                    className="choice__input"
                    checked={current.has(person.user)}
                    aria-describedby={`${id}-state`}
                    onChange={(event) => {
                      const next = new Set(current);
                      if (event.target.checked) next.add(person.user);
                      else next.delete(person.user);
                      setChecked(next);
                    }}
                  />
                  <label className="choice__label" htmlFor={id}>
                    {person.displayName === '' ? someone : person.displayName}
                  </label>
                  <p className="choice__hint" id={`${id}-state`}>
                    {person.invited ? t('meetings.attendance.invited') : t('meetings.attendance.notInvited')}{' '}
                    <AcknowledgementState attendee={person} />
                  </p>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button" disabled={record.isPending}>
            {t('meetings.attendance.save')}
          </button>
        </div>
        <p className="notice" role="status">
          {message}
        </p>
        {record.isError && <ProblemMessage error={record.error} />}
      </form>
    </section>
  );
}
