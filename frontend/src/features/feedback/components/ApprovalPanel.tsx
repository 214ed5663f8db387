import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ApiError } from '@/api/errors';
import type { components } from '@/api/schema';
import { ProblemMessage } from '@/components/ProblemMessage';

import { useApprovalPanel, useFeedbackForm, useFeedbackForms, type FeedbackSummary } from '../api/use-feedback';
import { panelChanges, panelView, type ApprovalPanel as Panel, type PanelChange, type PanelView } from '../model/panel';
import { shortHash } from '../model/status';
import { FeedbackSheet } from './FeedbackSheet';
import { FormStatusBadge } from './FormStatusBadge';
import { TransmitControls } from './TransmitControls';
import { VerdictControls } from './VerdictControls';
import { VerdictList } from './VerdictList';

type Meeting = Pick<components['schemas']['MeetingRead'], 'id' | 'cell' | 'status'>;

export interface ApprovalPanelProps {
  meeting: Meeting;
  caseId: string;
  caseCode: string;
  userId: string;
  informationOfficer: boolean;
}

/** The content of the version on the panel, read (audited) only when the member opens it. */
function VersionContent({ formId, versionHash }: { formId: string; versionHash: string }) {
  const { t } = useTranslation();
  const form = useFeedbackForm(formId);
  const { refetch } = form;
  const outdated = form.data !== undefined && form.data.current.hash !== versionHash;
  useEffect(() => {
    if (outdated) void refetch();
  }, [outdated, refetch, versionHash]);
  if (form.isError) return <ProblemMessage error={form.error} />;
  if (form.data === undefined || outdated) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  return <FeedbackSheet content={form.data.current.content} level="h5" />;
}

function useNews(panel: Panel | undefined, view: PanelView | null): string {
  const { t } = useTranslation();
  const [seen, setSeen] = useState<{ panel: Panel | undefined; view: PanelView | null }>({ panel: undefined, view: null });
  const [news, setNews] = useState('');
  const describe = (change: PanelChange) => {
    switch (change.kind) {
      case 'newVersion':
        return t('feedback.news.newVersion', { version: change.version });
      case 'verdict':
        return change.verdict === 'approved'
          ? t('feedback.news.approved', { name: change.name })
          : t('feedback.news.objected', { name: change.name });
      case 'consensus':
        return t('feedback.news.consensus');
      case 'consensusLost':
        return t('feedback.news.consensusLost');
      case 'transmitted':
        return t('feedback.news.transmitted');
    }
  };
  // Adjusted while rendering, when a new read of the panel arrives (not in an effect).
  if (panel !== seen.panel) {
    const changes = view === null ? [] : panelChanges(seen.view, view);
    setSeen({ panel, view });
    if (changes.length > 0) setNews(changes.map(describe).join(' '));
  }
  return news;
}

function LivePanel({ form, ...props }: ApprovalPanelProps & { form: FeedbackSummary }) {
  const { t } = useTranslation();
  const live = props.meeting.status === 'inSession';
  const panel = useApprovalPanel(form.id, props.meeting.id, live);
  const data = panel.data?.panel;
  const view = data === undefined ? null : panelView(data, props.userId, t('cells.composition.someone'));
  const news = useNews(data, view);
  const [reading, setReading] = useState(false);
  const titleId = `approval-panel-${form.id}`;

  return (
    <section className="panel approval-panel" aria-labelledby={titleId} data-slot="feedback-form-approval">
      <h4 id={titleId}>
        {t('feedback.panel.title', { round: form.round })} {view !== null && <FormStatusBadge status={view.status} />}
      </h4>
      {panel.isError && <ProblemMessage error={panel.error} />}
      {view === null ? (
        !panel.isError && (
          <p className="loading" role="status">
            {t('common.loading')}
          </p>
        )
      ) : (
        <>
          <p>
            {t('feedback.panel.version', { version: view.version })}{' '}
            <span className="muted">
              {t('feedback.panel.fingerprint')} <code translate="no">{shortHash(view.versionHash)}</code>
            </span>
          </p>
          <details
            className="disclosure"
            onToggle={(event) => {
              setReading(event.currentTarget.open);
            }}
          >
            <summary>{t('feedback.panel.read', { version: view.version })}</summary>
            {reading && <VersionContent formId={form.id} versionHash={view.versionHash} />}
          </details>
          <p className="approval-panel__counts">
            <strong>{t('feedback.panel.counts', { approved: view.counts.approved, objected: view.counts.objected, awaited: view.counts.awaited })}</strong>
          </p>
          <VerdictList view={view} label={t('feedback.panel.verdicts')} />
          {view.counts.objected > 0 && !view.transmitted && <p className="guide">{t('feedback.panel.objectionBlocks')}</p>}
        </>
      )}
      <p className="approval-panel__news" aria-live="polite">
        {news}
      </p>
      {view !== null && (
        <>
          {view.mayVote && <VerdictControls formId={form.id} meetingId={props.meeting.id} view={view} />}
          {!view.mayVote && !view.transmitted && <p className="muted">{t('feedback.panel.notApprover')}</p>}
          <TransmitControls
            formId={form.id}
            meetingId={props.meeting.id}
            caseCode={props.caseCode}
            round={form.round}
            view={view}
            informationOfficer={props.informationOfficer}
          />
        </>
      )}
    </section>
  );
}

/** The form a meeting discusses: the open one, or else the one of the last round. */
function formOf(items: readonly FeedbackSummary[]): FeedbackSummary | undefined {
  const byRound = [...items].sort((a, b) => b.round - a.round);
  return byRound.find((form) => !form.transmitted) ?? byRound[0];
}

/**
 * The approval panel of the meeting room, for an agenda item with purpose `feedbackForm`: the
 * version on the table, who approved, objected (and why) or is awaited — live — and the verdict
 * buttons for present participants; the information officer transmits once there is consensus
 * (R-FB-2, R-FB-3) and then downloads the PDF for the LTF.
 */
export function ApprovalPanel(props: ApprovalPanelProps) {
  const { t } = useTranslation();
  const forms = useFeedbackForms(props.caseId, { pollWhileNone: true });
  const title = t('feedback.panel.titleUnknown');

  if (forms.isError) {
    const hidden = forms.error instanceof ApiError && forms.error.status === 404;
    return (
      <section className="panel approval-panel" aria-label={title}>
        {hidden ? <p>{t('feedback.panel.notParticipant')}</p> : <ProblemMessage error={forms.error} />}
      </section>
    );
  }
  if (forms.data === undefined) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const form = formOf(forms.data.items);
  if (form === undefined) {
    return (
      <section className="panel approval-panel" aria-label={title}>
        <p>{t('feedback.panel.none')}</p>
        <p>
          <Link to={`/cells/${props.meeting.cell}/cases/${props.caseId}?tab=feedback`}>
            {t('feedback.panel.toCase', { code: props.caseCode })}
          </Link>
        </p>
      </section>
    );
  }
  return <LivePanel key={form.id} form={form} {...props} />;
}
