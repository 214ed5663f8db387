import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { ApiError } from '@/api/errors';
import { WarningIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';
import { Tabs } from '@/components/Tabs';

import {
  needsAcknowledgement,
  useCase,
  useCellInfo,
  useCellOrganisations,
  useCellTables,
  useMarkProblematic,
  useTransition,
  type Step,
} from '../api/use-cases';
import { nextCommands, STATUSES, statusIndex } from '../model/lifecycle';
import { buildContext, type CaseContext } from './case-context';
import { CardsPanel } from './CardsPanel';
import { CaseOverview } from './CaseOverview';
import { CaseTimeline } from './CaseTimeline';
import { FeedbackFormsSlot, type FeedbackFormsSlotContext } from './FeedbackFormsSlot';
import { ParticipantsPanel } from './ParticipantsPanel';
import { PlanPanel } from './PlanPanel';
import { TermsGate } from './TermsGate';
import { WeighingPanel } from './WeighingPanel';

const TABS = ['overview', 'timeline', 'weighing', 'plan', 'cards', 'feedback', 'participants'] as const;
type TabKey = (typeof TABS)[number];
const CLOSING: readonly Step[] = ['notAdmitted', 'close'];

function isTab(value: string | null): value is TabKey {
  return value !== null && (TABS as readonly string[]).includes(value);
}

function Lifecycle({ context }: { context: CaseContext }) {
  const { t } = useTranslation();
  const current = statusIndex(context.kase.status);
  return (
    <ol className="lifecycle" aria-label={t('cases.lifecycle.label')}>
      {STATUSES.map((status, index) => (
        <li
          key={status}
          className={
            index === current
              ? 'lifecycle__step lifecycle__step--current'
              : index < current
                ? 'lifecycle__step lifecycle__step--done'
                : 'lifecycle__step'
          }
          aria-current={index === current ? 'step' : undefined}
        >
          {t(`vocab.caseStatus.${status}`)}
          {index < current && <span className="visually-hidden"> {t('cases.lifecycle.done')}</span>}
        </li>
      ))}
    </ol>
  );
}

function NextStep({ context, onWeigh }: { context: CaseContext; onWeigh: () => void }) {
  const { t } = useTranslation();
  const { kase } = context;
  const move = useTransition(context.cellId, kase.id);
  const mark = useMarkProblematic(context.cellId, kase.id);
  const [confirming, setConfirming] = useState<Step | null>(null);
  // What was just done, for the status it led to: a later change (the weighing) makes it stale.
  const [done, setDone] = useState<{ text: string; status: string } | null>(null);
  const { steps, weigh } = nextCommands(kase.status, kase.nextSteps);
  const failure = move.error ?? mark.error;

  function run(step: Step) {
    setDone(null);
    mark.reset();
    move.mutate(step, {
      onSuccess(changed) {
        setConfirming(null);
        setDone({ text: t('cases.next.done', { status: t(`vocab.caseStatus.${changed.status}`) }), status: changed.status });
      },
    });
  }

  return (
    <section className="panel next-step" aria-labelledby="next-step-title">
      <h2 id="next-step-title">{t('cases.next.title')}</h2>
      {kase.status === 'closed' ? (
        <p>{t('cases.next.closed')}</p>
      ) : context.chair ? (
        <>
          <div className="button-row">
            {steps.map((step) =>
              CLOSING.includes(step) && confirming !== step ? (
                <button
                  key={step}
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setConfirming(step);
                  }}
                >
                  {t(`cases.step.${step}`)}
                </button>
              ) : CLOSING.includes(step) ? (
                <span key={step} className="confirm" role="group" aria-label={t(`cases.step.${step}`)}>
                  <span>{t('cases.next.confirmClose')}</span>
                  <button type="button" className="button button--danger" disabled={move.isPending} onClick={() => { run(step); }}>
                    {t('cases.next.confirm', { step: t(`cases.step.${step}`) })}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => { setConfirming(null); }}>
                    {t('common.cancel')}
                  </button>
                </span>
              ) : (
                <button key={step} type="button" className="button" disabled={move.isPending} onClick={() => { run(step); }}>
                  {t(`cases.step.${step}`)}
                </button>
              ),
            )}
            {weigh && (
              <button type="button" className="button" onClick={onWeigh}>
                {t('cases.next.toWeighing')}
              </button>
            )}
            <button
              type="button"
              className="button button--secondary"
              disabled={mark.isPending}
              onClick={() => {
                setDone(null);
                move.reset();
                mark.mutate(!kase.problematic, {
                  onSuccess(changed) {
                    setDone({
                      text: changed.problematic ? t('cases.next.markedProblematic') : t('cases.next.unmarkedProblematic'),
                      status: changed.status,
                    });
                  },
                });
              }}
            >
              {kase.problematic ? t('cases.next.unmarkProblematic') : t('cases.next.markProblematic')}
            </button>
          </div>
          <p className="muted">{t('cases.next.chairHint')}</p>
        </>
      ) : (
        <p>
          {kase.nextSteps.length === 0
            ? t('cases.next.none')
            : t('cases.next.waiting', {
                steps: kase.nextSteps.map((step) => t(`vocab.caseStatus.${step}`)).join(' / '),
              })}
        </p>
      )}
      <p className="inline-status" role="status">
        {done !== null && done.status === kase.status ? done.text : ''}
      </p>
      {failure !== null && <ProblemMessage error={failure} />}
    </section>
  );
}

interface CaseViewProps {
  cellId: string;
  caseId: string;
  roles: readonly string[];
  userId: string;
  /** Set right after the intake: say that the table decides next. */
  justSubmitted?: boolean;
  /** The feedback forms tab, composed in by `src/app` (see `FeedbackFormsSlot`). */
  renderFeedbackForms?: (context: FeedbackFormsSlotContext) => ReactNode;
}

/** A case, for its participants: the lifecycle, the next step, and tabs for every part of the work. */
export function CaseView({ cellId, caseId, roles, userId, justSubmitted = false, renderFeedbackForms }: CaseViewProps) {
  const { t } = useTranslation();
  const kase = useCase(caseId);
  const cell = useCellInfo(cellId);
  const organisations = useCellOrganisations(cellId);
  const tables = useCellTables(cellId);
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: TabKey = isTab(requested) ? requested : 'overview';

  function select(key: TabKey) {
    const next = new URLSearchParams(params);
    if (key === 'overview') next.delete('tab');
    else next.set('tab', key);
    setParams(next, { replace: true });
  }

  if (kase.isError && needsAcknowledgement(kase.error)) {
    return (
      <>
        <h1>{t('cases.page.titleUnknown')}</h1>
        <TermsGate cellId={cellId} onAcknowledged={() => void kase.refetch()} />
      </>
    );
  }
  if (kase.isError) {
    return (
      <>
        <h1>{t('cases.page.titleUnknown')}</h1>
        {kase.error instanceof ApiError && kase.error.status === 404 ? (
          <p>{t('cases.page.notFound')}</p>
        ) : (
          <ProblemMessage error={kase.error} />
        )}
      </>
    );
  }
  if (kase.data === undefined || organisations.data === undefined || tables.data === undefined) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }

  const context = buildContext({
    cellId,
    kase: kase.data,
    roles,
    userId,
    organisations: organisations.data.items,
    tables: tables.data.items,
    municipalities: cell.data?.municipalities ?? [],
    someone: t('cells.composition.someone'),
  });
  const labels: Record<TabKey, string> = {
    overview: t('cases.tab.overview'),
    timeline: t('cases.tab.timeline'),
    weighing: t('cases.tab.weighing'),
    plan: t('cases.tab.plan'),
    cards: t('cases.tab.cards'),
    feedback: t('cases.tab.feedback'),
    participants: t('cases.tab.participants'),
  };
  const data = kase.data;

  return (
    <>
      <h1>
        {t('cases.page.title')} <code translate="no">{data.code}</code>
      </h1>
      {justSubmitted && (
        <p className="notice" role="status">
          {t('cases.page.submitted', { code: data.code })}
        </p>
      )}
      <p className="case-status">
        <span>{t('cases.page.status', { status: t(`vocab.caseStatus.${data.status}`) })}</span>
        {data.problematic && (
          <span className="badge badge--warning">
            <WarningIcon className="badge__icon" />
            {t('cases.problematic')}
          </span>
        )}
      </p>
      <Lifecycle context={context} />
      <NextStep context={context} onWeigh={() => { select('weighing'); }} />
      <Tabs
        label={t('cases.tab.label')}
        idPrefix="case"
        items={TABS.map((key) => ({ key, label: labels[key] }))}
        selected={tab}
        onSelect={select}
      >
        <h2 className="visually-hidden">{labels[tab]}</h2>
        {tab === 'overview' && <CaseOverview context={context} />}
        {tab === 'timeline' && <CaseTimeline context={context} />}
        {tab === 'weighing' && <WeighingPanel context={context} onDone={() => { select('plan'); }} />}
        {tab === 'plan' && <PlanPanel context={context} />}
        {tab === 'cards' && <CardsPanel context={context} />}
        {tab === 'feedback' && (
          <FeedbackFormsSlot
            render={renderFeedbackForms}
            context={{
              cellId,
              caseId: data.id,
              caseCode: data.code,
              caseStatus: data.status,
              userId,
              chair: context.chair,
              informationOfficer: context.informationOfficer,
              personName: context.personName,
            }}
          />
        )}
        {tab === 'participants' && <ParticipantsPanel context={context} />}
      </Tabs>
    </>
  );
}
