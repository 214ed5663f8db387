import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ProblemMessage } from '@/components/ProblemMessage';

import { useAcknowledgeMeeting, useCellInfo, type Meeting } from '../api/use-meetings';

/**
 * R-PRIV-4, per meeting: an attendee the chair checked in confirms that what is shared at this
 * meeting stays at the table, before the session view opens. The cell's terms are shown with it.
 */
export function MeetingCheckIn({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const cell = useCellInfo(meeting.cell);
  const acknowledge = useAcknowledgeMeeting(meeting.id);
  const [agreed, setAgreed] = useState(false);
  const id = useId();
  const terms = cell.data?.confidentialityTerms;
  return (
    <section className="panel terms-gate check-in" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('meetings.checkIn.title')}</h2>
      <p>{t('meetings.checkIn.intro')}</p>
      {terms !== null && terms !== undefined && (
        <div className="terms-text" id={`${id}-text`}>
          {terms.text}
        </div>
      )}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (agreed) acknowledge.mutate();
        }}
      >
        <div className="choice">
          <input
            id={`${id}-agree`}
            type="checkbox"
            className="choice__input"
            checked={agreed}
            aria-describedby={terms === null || terms === undefined ? undefined : `${id}-text`}
            onChange={(event) => {
              setAgreed(event.target.checked);
            }}
          />
          <label className="choice__label" htmlFor={`${id}-agree`}>
            {t('meetings.checkIn.agree')}
          </label>
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={!agreed || acknowledge.isPending}>
            {t('meetings.checkIn.submit')}
          </button>
        </div>
      </form>
      {acknowledge.isError && <ProblemMessage error={acknowledge.error} />}
    </section>
  );
}
