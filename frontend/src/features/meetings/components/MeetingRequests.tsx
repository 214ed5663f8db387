import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ApiError } from '@/api/errors';
import { ErrorSummary, problemErrors, RadioGroup, SelectField, useFormErrors } from '@/components/form';
import { PrivacyTextArea, type Refusal } from '@/components/privacy';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import {
  useAnswerRequest,
  useMeetingRequests,
  useMeetings,
  useOpenCases,
  useRequestMeeting,
  type Meeting,
  type MeetingRequest,
} from '../api/use-meetings';

const REASON_FIELD = 'request-reason';

/** The findings of a refused text (R-PRIV-2) for the field `name`, for the helper under it. */
function refusalOf(error: unknown, name: string, text: string): Refusal | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const findings = error.issues.flatMap((issue) =>
    issue.name === name && issue.start !== undefined && issue.end !== undefined
      ? [{ kind: issue.kind ?? '', start: issue.start, end: issue.end, detail: issue.detail }]
      : [],
  );
  return findings.length === 0 ? undefined : { text, findings };
}

/** R-CAD-5: any member asks the table to meet, with a reason the privacy guard checks while typing. */
function AskForm({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const ask = useRequestMeeting(cellId);
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState('');
  const [refusal, setRefusal] = useState<Refusal | undefined>(undefined);
  const { errors, attempt, fail, clear, fieldError } = useFormErrors();

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent('');
    if (reason.trim() === '') {
      fail([{ fieldId: REASON_FIELD, message: t('meetings.requests.reasonMissing') }]);
      return;
    }
    const text = reason;
    ask.mutate(text.trim(), {
      onSuccess() {
        clear();
        setRefusal(undefined);
        setReason('');
        setSent(t('meetings.requests.sent'));
      },
      onError(error) {
        setRefusal(refusalOf(error, 'reason', text));
        fail(problemErrors(error, (name) => (name === 'reason' ? REASON_FIELD : undefined), t('problem.generic')));
      },
    });
  }

  return (
    <section className="panel" aria-labelledby="request-ask-title">
      <h2 id="request-ask-title">{t('meetings.requests.askTitle')}</h2>
      <p>{t('meetings.requests.askIntro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={ask.isPending}>
        <PrivacyTextArea
          id={REASON_FIELD}
          label={t('meetings.requests.reason')}
          hint={t('meetings.requests.reasonHint')}
          error={fieldError(REASON_FIELD)}
          value={reason}
          rows={3}
          maxLength={1_000}
          refusal={refusal}
          onChange={setReason}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={ask.isPending}>
            {t('meetings.requests.ask')}
          </button>
        </div>
        <p className="notice" role="status">
          {sent}
        </p>
      </form>
    </section>
  );
}

function AnswerForm({ cellId, request, meetings }: { cellId: string; request: MeetingRequest; meetings: readonly Meeting[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const answer = useAnswerRequest(cellId);
  const prefix = `answer-${request.id}`;
  const [status, setStatus] = useState<'accepted' | 'declined' | ''>('');
  const [text, setText] = useState('');
  const [meeting, setMeeting] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (status === '') {
      setError(t('meetings.requests.statusMissing'));
      document.getElementById(`${prefix}-status-0`)?.focus();
      return;
    }
    setError(undefined);
    answer.mutate({
      requestId: request.id,
      body: { status, answer: text.trim() === '' ? null : text.trim(), meeting: meeting === '' ? null : meeting },
    });
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={answer.isPending}>
      <RadioGroup
        id={`${prefix}-status`}
        name={`${prefix}-status`}
        legend={t('meetings.requests.answerStatus')}
        error={error}
        inline
        choices={[
          { value: 'accepted', label: t('vocab.requestStatus.accepted') },
          { value: 'declined', label: t('vocab.requestStatus.declined') },
        ]}
        value={status}
        onChange={setStatus}
      />
      {status === 'accepted' && (
        <SelectField
          id={`${prefix}-meeting`}
          label={t('meetings.requests.meeting')}
          hint={t('meetings.requests.meetingHint')}
          value={meeting}
          onChange={(event) => {
            setMeeting(event.target.value);
          }}
        >
          <option value="">{t('meetings.requests.noMeeting')}</option>
          {meetings.map((option) => (
            <option key={option.id} value={option.id}>
              {t('meetings.item.link', {
                table: t(`vocab.tableKind.${option.table}`),
                when: format.meetingTime(option.startsAt, option.endsAt),
              })}
            </option>
          ))}
        </SelectField>
      )}
      <PrivacyTextArea
        id={`${prefix}-text`}
        label={t('meetings.requests.answer')}
        hint={t('meetings.requests.answerHint')}
        value={text}
        rows={2}
        maxLength={1_000}
        onChange={setText}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={answer.isPending}>
          {t('meetings.requests.send')}
        </button>
      </div>
      {answer.isError && <ProblemMessage error={answer.error} />}
    </form>
  );
}

interface RequestListProps {
  cellId: string;
  chair: boolean;
  /** Sits at the operational table: may see case codes. */
  operational: boolean;
}

function RequestList({ cellId, chair, operational }: RequestListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const requests = useMeetingRequests(cellId);
  const meetings = useMeetings(cellId, chair);
  // The server names each request's case and asker; the open cases are read only for a request
  // that comes without its case code (an older server), and only by those who may see codes.
  const withoutCode = (requests.data?.items ?? []).some(
    (request) => request.origin === 'case' && typeof request.case === 'string' && (request.caseCode ?? '') === '',
  );
  const cases = useOpenCases(cellId, operational && withoutCode);
  const codes = new Map((cases.data?.items ?? []).map((kase) => [kase.id, kase.code]));
  const [now] = useState(() => Date.now());
  const planned = (meetings.data?.items ?? []).filter(
    (meeting) => meeting.status === 'planned' && Date.parse(meeting.endsAt) >= now,
  );
  const items = [...(requests.data?.items ?? [])].sort(
    (a, b) => Number(b.status === 'open') - Number(a.status === 'open') || Date.parse(b.createdAt) - Date.parse(a.createdAt),
  );

  return (
    <section aria-labelledby="request-list-title">
      <h2 id="request-list-title">{chair ? t('meetings.requests.allTitle') : t('meetings.requests.mineTitle')}</h2>
      {chair && (
        <p>
          <Link to={`/cells/${cellId}/meetings/new`}>{t('meetings.home.plan')}</Link>
        </p>
      )}
      {requests.isError && <ProblemMessage error={requests.error} />}
      {requests.isPending && (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {requests.data !== undefined && items.length === 0 && <p>{t('meetings.requests.empty')}</p>}
      <ul className="request-list">
        {items.map((request) => (
          <li key={request.id} className="request">
            <p className="request__title">
              {request.origin === 'case' ? (
                <>
                  {t('meetings.requests.fromCase', {
                    purpose: request.purpose === null || request.purpose === undefined ? '' : t(`vocab.agendaPurpose.${request.purpose}`),
                  })}{' '}
                  <code translate="no">
                    {request.caseCode ?? (request.case && codes.get(request.case)) ?? t('meetings.requests.aCase')}
                  </code>
                </>
              ) : request.requestedByName ? (
                t('meetings.requests.fromNamed', { name: request.requestedByName })
              ) : (
                t('meetings.requests.fromMember')
              )}
              <span className={request.status === 'open' ? 'badge badge--warning' : 'badge'}>
                {t(`vocab.requestStatus.${request.status}`)}
              </span>
            </p>
            <p className="muted">{t('meetings.requests.createdAt', { date: format.instant(request.createdAt) })}</p>
            {request.reason !== null && request.reason !== undefined && <p className="prose">{request.reason}</p>}
            {request.answer !== null && request.answer !== undefined && (
              <p>
                <strong>{t('meetings.requests.answerIs')}</strong> <span className="prose">{request.answer}</span>
              </p>
            )}
            {request.meeting !== null && request.meeting !== undefined && (
              <p>
                <Link to={`/meetings/${request.meeting}`}>{t('meetings.requests.toMeeting')}</Link>
              </p>
            )}
            {chair && request.status === 'open' && (
              <details className="disclosure">
                <summary>
                  {t('meetings.requests.answerTitle')}
                  <span className="visually-hidden">: {t('meetings.requests.createdAt', { date: format.instant(request.createdAt) })}</span>
                </summary>
                <AnswerForm cellId={cellId} request={request} meetings={planned} />
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Meeting requests (R-CAD-5): the member's question with its reason; the chair's answers. */
export function MeetingRequests({ cellId, chair, operational, mayAsk }: RequestListProps & { mayAsk: boolean }) {
  return (
    <div className="two-columns two-columns--wide">
      <RequestList cellId={cellId} chair={chair} operational={operational} />
      {mayAsk && <AskForm cellId={cellId} />}
    </div>
  );
}
