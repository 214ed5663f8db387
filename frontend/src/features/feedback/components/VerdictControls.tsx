import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '@/api/errors';
import { ProblemMessage } from '@/components/ProblemMessage';
import { PrivacyTextArea, type Refusal } from '@/components/privacy';

import { isStale, useGiveVerdict } from '../api/use-feedback';
import { MAX_TEXT_LENGTH } from '../model/content';
import type { PanelView } from '../model/panel';

function refusalOf(error: unknown, text: string): Refusal | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const findings = error.issues
    .filter((issue) => issue.name === 'reason' && issue.start !== undefined && issue.end !== undefined)
    .map((issue) => ({ kind: issue.kind ?? '', start: issue.start ?? 0, end: issue.end ?? 0, detail: issue.detail }));
  return findings.length === 0 ? undefined : { text, findings };
}

interface VerdictControlsProps {
  formId: string;
  meetingId: string;
  view: PanelView;
}

/**
 * A present member's verdict on exactly the version shown (R-FB-2): approve it, or object with a
 * reason (privacy-checked, R-PRIV-2). A verdict can be changed until the form leaves; an edit voids it.
 */
export function VerdictControls({ formId, meetingId, view }: VerdictControlsProps) {
  const { t } = useTranslation();
  const give = useGiveVerdict(formId, meetingId);
  const [objecting, setObjecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  // What was just done, for the version it was about: a newer version makes it stale.
  const [done, setDone] = useState<{ text: string; hash: string } | null>(null);
  const reasonId = `feedback-reason-${formId}`;
  const opened = useRef(false);

  useEffect(() => {
    if (!objecting || opened.current) return;
    opened.current = true;
    document.getElementById(reasonId)?.focus();
  }, [objecting, reasonId]);

  function approve() {
    setDone(null);
    give.mutate(
      { verdict: 'approved', versionHash: view.versionHash },
      {
        onSuccess() {
          setObjecting(false);
          setDone({ text: t('feedback.verdict.approvedDone', { version: view.version }), hash: view.versionHash });
        },
      },
    );
  }

  function onObject(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    if (reason.trim() === '') {
      setReasonError(t('feedback.verdict.reasonMissing'));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonError(undefined);
    give.mutate(
      { verdict: 'objected', versionHash: view.versionHash, reason: reason.trim() },
      {
        onSuccess() {
          setObjecting(false);
          opened.current = false;
          setDone({ text: t('feedback.verdict.objectedDone', { version: view.version }), hash: view.versionHash });
        },
      },
    );
  }

  const serverReasonError =
    give.error instanceof ApiError && give.error.issues.some((issue) => issue.name === 'reason')
      ? give.error.issues.filter((issue) => issue.name === 'reason').map((issue) => issue.detail).join(' ')
      : undefined;

  return (
    <div className="verdict-controls">
      <p className="verdict-controls__mine">
        {view.mine === null
          ? t('feedback.verdict.yourTurn', { version: view.version })
          : t('feedback.verdict.yours', { version: view.version, verdict: t(`vocab.verdict.${view.mine}`) })}
      </p>
      {!objecting && (
        <div className="button-row">
          {view.mine !== 'approved' && (
            <button type="button" className="button" disabled={give.isPending} onClick={approve}>
              {t('feedback.verdict.approve')}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary"
            disabled={give.isPending}
            onClick={() => {
              give.reset();
              setDone(null);
              setObjecting(true);
            }}
          >
            {view.mine === 'objected' ? t('feedback.verdict.objectAgain') : t('feedback.verdict.object')}
          </button>
        </div>
      )}
      {objecting && (
        <form className="form" noValidate onSubmit={onObject} aria-busy={give.isPending}>
          <PrivacyTextArea
            id={reasonId}
            label={t('feedback.verdict.reasonLabel')}
            hint={t('feedback.verdict.reasonHint')}
            error={reasonError ?? serverReasonError}
            value={reason}
            rows={3}
            maxLength={MAX_TEXT_LENGTH}
            refusal={refusalOf(give.error, reason.trim())}
            onChange={setReason}
          />
          <div className="form__actions button-row">
            <button type="submit" className="button button--danger" disabled={give.isPending}>
              {t('feedback.verdict.sendObjection')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setObjecting(false);
                opened.current = false;
                setReasonError(undefined);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <p className="inline-status" role="status">
        {done !== null && done.hash === view.versionHash ? done.text : ''}
      </p>
      {give.isError &&
        (isStale(give.error) ? (
          <div className="problem" role="alert">
            <p className="problem__detail">{t('feedback.verdict.stale', { version: view.version })}</p>
          </div>
        ) : (
          serverReasonError === undefined && <ProblemMessage error={give.error} />
        ))}
    </div>
  );
}
