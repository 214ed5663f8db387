import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { useApprovalPanel, useCellMeetings, type FeedbackForm, type Meeting } from '../api/use-feedback';
import { feedbackMeetings } from '../model/meetings';
import { panelView } from '../model/panel';
import { shortHash } from '../model/status';
import { TransmitControls } from './TransmitControls';
import { VerdictList } from './VerdictList';

interface ApprovalRecordProps {
  cellId: string;
  form: FeedbackForm;
  userId: string;
  informationOfficer: boolean;
  personName: (userId: string) => string;
}

/** The verdicts given in one meeting on the current version (an edit voids them all, R-FB-2). */
function MeetingVerdicts({ meeting, ...props }: ApprovalRecordProps & { meeting: Meeting }) {
  const { t } = useTranslation();
  const format = useFormat();
  const inSession = meeting.status === 'inSession';
  const panel = useApprovalPanel(props.form.id, meeting.id, inSession);
  const view = panel.data === undefined ? null : panelView(panel.data.panel, props.userId, t('cells.composition.someone'));
  const label = t('feedback.record.meeting', { when: format.meetingTime(meeting.startsAt, meeting.endsAt) });
  return (
    <li className="feedback-record__meeting">
      <p>
        <Link to={`/meetings/${meeting.id}`}>{label}</Link>{' '}
        {inSession && <span className="badge badge--accent">{t('vocab.meetingStatus.inSession')}</span>}
      </p>
      {panel.isError && <ProblemMessage error={panel.error} />}
      {view !== null && (
        <>
          <VerdictList view={view} label={label} />
          {inSession && !view.transmitted && (
            <TransmitControls
              formId={props.form.id}
              meetingId={meeting.id}
              caseCode={props.form.caseCode}
              round={props.form.round}
              view={view}
              informationOfficer={props.informationOfficer}
            />
          )}
        </>
      )}
    </li>
  );
}

/**
 * Who approved which version: the transmission (who sent which version, approved by whom) and the
 * verdicts of each meeting that discussed the form. Verdicts are kept for the current version only.
 */
export function ApprovalRecord(props: ApprovalRecordProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const meetings = useCellMeetings(props.cellId);
  const { form, personName } = props;
  const discussed = feedbackMeetings(meetings.data?.items ?? [], form.case).slice(0, 3);
  const sent = form.transmission;

  return (
    <section className="feedback-record" aria-labelledby={`feedback-record-${form.id}`}>
      <h4 id={`feedback-record-${form.id}`}>{t('feedback.record.title')}</h4>
      {sent !== null && sent !== undefined && (
        <p className="transmit__done">
          {t('feedback.record.transmitted', {
            when: format.instant(sent.at),
            name: personName(sent.by),
            version: form.current.number,
            hash: shortHash(sent.versionHash),
            names: format.list(sent.presentMembers.map(personName)),
          })}
        </p>
      )}
      {meetings.isError && <ProblemMessage error={meetings.error} />}
      {discussed.length === 0 ? (
        meetings.data !== undefined && <p>{t('feedback.record.noMeeting')}</p>
      ) : (
        <ul className="feedback-record__meetings">
          {discussed.map((meeting) => (
            <MeetingVerdicts key={meeting.id} meeting={meeting} {...props} />
          ))}
        </ul>
      )}
      {sent === null || sent === undefined ? <p className="muted">{t('feedback.record.voided')}</p> : null}
    </section>
  );
}
