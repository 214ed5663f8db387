import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { TextField } from '@/components/form';
import { ProblemMessage } from '@/components/ProblemMessage';
import { PrivacyTextArea } from '@/components/privacy';
import { isoDay, parseDay, useFormat } from '@/i18n/format';

import { useAddSignal, type CaseRead } from '../api/use-cases';
import type { CaseContext } from './case-context';

type Transition = CaseRead['timeline'][number];
type Signal = CaseRead['signals'][number];

type Entry = { at: number; kind: 'transition'; transition: Transition } | { at: number; kind: 'signal'; signal: Signal };

/** Signals by the day they were observed, decisions by when they were taken; oldest first. */
export function timelineEntries(kase: Pick<CaseRead, 'timeline' | 'signals'>): Entry[] {
  const entries: Entry[] = [
    ...kase.timeline.map((transition) => ({ at: Date.parse(transition.at), kind: 'transition' as const, transition })),
    ...kase.signals.map((signal) => ({
      at: parseDay(signal.observedOn)?.getTime() ?? Date.parse(signal.recordedAt),
      kind: 'signal' as const,
      signal,
    })),
  ];
  return entries.sort((a, b) => a.at - b.at);
}

function TransitionText({ transition, context }: { transition: Transition; context: CaseContext }) {
  const { t } = useTranslation();
  const assessments = [
    ['threatNotParticularlyHigh', transition.threatNotParticularlyHigh],
    ['willingToCooperate', transition.willingToCooperate],
    ['noHeavyMilieuContacts', transition.noHeavyMilieuContacts],
  ] as const;
  return (
    <>
      <p>
        <strong>
          {t('cases.timeline.moved', {
            from: t(`vocab.caseStatus.${transition.fromStatus}`),
            to: t(`vocab.caseStatus.${transition.toStatus}`),
          })}
        </strong>
      </p>
      {transition.decision !== null && transition.decision !== undefined && (
        <p>{t('cases.timeline.decision', { decision: t(`vocab.weighingDecision.${transition.decision}`) })}</p>
      )}
      {transition.decision !== null && transition.decision !== undefined && (
        <ul className="plain-list">
          {assessments.map(([name, favourable]) => (
            <li key={name}>
              {t(`cases.weighing.${name}`)}:{' '}
              {favourable === true ? t('cases.weighing.favourable') : t('cases.weighing.unfavourable')}
            </li>
          ))}
        </ul>
      )}
      {transition.closureReason !== null && transition.closureReason !== undefined && (
        <p>{t('cases.timeline.closed', { reason: t(`vocab.closureReason.${transition.closureReason}`) })}</p>
      )}
      <p className="muted">
        {t('cases.timeline.by', { name: transition.byName || context.personName(transition.by) })}
        {transition.meeting !== null && transition.meeting !== undefined && (
          <>
            {' · '}
            <Link to={`/meetings/${transition.meeting}`}>{t('cases.timeline.atMeeting')}</Link>
          </>
        )}
      </p>
    </>
  );
}

function AddSignalForm({ context }: { context: CaseContext }) {
  const { t } = useTranslation();
  const add = useAddSignal(context.cellId, context.kase.id);
  const [observedOn, setObservedOn] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<{ date?: string; description?: string }>({});
  const [added, setAdded] = useState('');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded('');
    const found: { date?: string; description?: string } = {};
    if (observedOn === '') found.date = t('cases.intake.issue.signalDateMissing');
    else if (observedOn > isoDay()) found.date = t('cases.intake.issue.signalInFuture');
    if (description.trim() === '') found.description = t('cases.intake.issue.signalDescriptionMissing');
    setErrors(found);
    if (found.date !== undefined || found.description !== undefined) {
      document.getElementById(found.date !== undefined ? 'signal-new-date' : 'signal-new-description')?.focus();
      return;
    }
    add.mutate(
      { observedOn, description: description.trim() },
      {
        onSuccess() {
          setObservedOn('');
          setDescription('');
          setAdded(t('cases.timeline.signalAdded'));
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="signal-new-title">
      <h3 id="signal-new-title">{t('cases.timeline.addSignal')}</h3>
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={add.isPending}>
        <TextField
          id="signal-new-date"
          type="date"
          label={t('cases.intake.observedOn')}
          error={errors.date}
          value={observedOn}
          max={isoDay()}
          className="field__input--short"
          onChange={(event) => {
            setObservedOn(event.target.value);
          }}
        />
        <PrivacyTextArea
          id="signal-new-description"
          label={t('cases.intake.signalDescription')}
          hint={t('cases.intake.signalDescriptionHint')}
          error={errors.description}
          value={description}
          rows={3}
          maxLength={5_000}
          onChange={setDescription}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={add.isPending}>
            {t('cases.timeline.addSignalSubmit')}
          </button>
        </div>
        <p className="notice" role="status">
          {added}
        </p>
        {add.isError && <ProblemMessage error={add.error} />}
      </form>
    </section>
  );
}

/** The case's history: the signals partners added (R-CASE-9) and the table's decisions (R-CASE-5). */
export function CaseTimeline({ context }: { context: CaseContext }) {
  const { t } = useTranslation();
  const format = useFormat();
  const entries = timelineEntries(context.kase);
  return (
    <>
      {entries.length === 0 ? (
        <p>{t('cases.timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {entries.map((entry) =>
            entry.kind === 'signal' ? (
              <li key={`signal-${entry.signal.id}`} className="timeline__item timeline__item--signal">
                <p className="timeline__when">
                  <span className="badge">{t('cases.timeline.signal')}</span>{' '}
                  {t('cases.timeline.observedOn', { date: format.day(entry.signal.observedOn) })}
                </p>
                <p className="prose">{entry.signal.description}</p>
                <p className="muted">
                  {t('cases.timeline.from', {
                    organisation: entry.signal.organisationName || context.organisationName(entry.signal.organisation),
                  })}
                </p>
              </li>
            ) : (
              <li key={`step-${entry.transition.at}-${entry.transition.toStatus}`} className="timeline__item timeline__item--decision">
                <p className="timeline__when">
                  <span className="badge badge--accent">{t('cases.timeline.decisionBadge')}</span>{' '}
                  {format.instant(entry.transition.at)}
                </p>
                <TransitionText transition={entry.transition} context={context} />
              </li>
            ),
          )}
        </ol>
      )}
      {context.kase.status !== 'closed' && <AddSignalForm context={context} />}
    </>
  );
}
