import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '@/api/errors';
import { CheckboxField, ChoiceFieldset, RadioGroup } from '@/components/form';
import { WarningIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';

import { useWeigh, type WeighingCreate } from '../api/use-cases';
import type { CaseContext } from './case-context';

type Decision = WeighingCreate['decision'];
const ASSESSMENTS = ['threatNotParticularlyHigh', 'willingToCooperate', 'noHeavyMilieuContacts'] as const;
type Assessment = (typeof ASSESSMENTS)[number];
const DECISIONS: readonly Decision[] = ['retained', 'notRetained', 'referred'];

function WeighingForm({ context, onDone }: { context: CaseContext; onDone: () => void }) {
  const { t } = useTranslation();
  const weigh = useWeigh(context.cellId, context.kase.id);
  const [assessments, setAssessments] = useState<Record<Assessment, boolean>>({
    threatNotParticularlyHigh: false,
    willingToCooperate: false,
    noHeavyMilieuContacts: false,
  });
  const [decision, setDecision] = useState<Decision | ''>('');
  const [decisionError, setDecisionError] = useState<string | undefined>(undefined);
  const allFavourable = ASSESSMENTS.every((name) => assessments[name]);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (decision === '') {
      setDecisionError(t('cases.weighing.decisionMissing'));
      document.getElementById('weighing-decision-0')?.focus();
      return;
    }
    setDecisionError(undefined);
    weigh.mutate({ ...assessments, decision }, { onSuccess: onDone });
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={weigh.isPending}>
      <ChoiceFieldset id="weighing-assessments" legend={t('cases.weighing.assessments')} hint={t('cases.weighing.assessmentsHint')}>
        {ASSESSMENTS.map((name) => (
          <CheckboxField
            key={name}
            id={`weighing-${name}`}
            label={t(`cases.weighing.${name}`)}
            checked={assessments[name]}
            onChange={(event) => {
              setAssessments((current) => ({ ...current, [name]: event.target.checked }));
            }}
          />
        ))}
      </ChoiceFieldset>
      <RadioGroup
        id="weighing-decision"
        name="decision"
        legend={t('cases.weighing.decision')}
        hint={t('cases.weighing.decisionHint')}
        error={decisionError}
        choices={DECISIONS.map((value) => ({
          value,
          label: t(`vocab.weighingDecision.${value}`),
          hint: t(`cases.weighing.decisionExplain.${value}`),
        }))}
        value={decision}
        onChange={setDecision}
      />
      <div aria-live="polite">
        {decision === 'retained' && !allFavourable && (
          <p className="guide">
            <WarningIcon className="guide__icon" />
            {t('cases.weighing.r7guide')}
          </p>
        )}
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={weigh.isPending}>
          {t('cases.weighing.submit')}
        </button>
      </div>
      {weigh.isError && (
        <div className="refusal">
          <ProblemMessage error={weigh.error} />
          {weigh.error instanceof ApiError && weigh.error.rule === 'R-CASE-7' && (
            <p className="refusal__explain">{t('cases.weighing.r7explain')}</p>
          )}
        </div>
      )}
    </form>
  );
}

/** The weighing (R-CASE-6/7): three assessments and the table's one joint decision. */
export function WeighingPanel({ context, onDone }: { context: CaseContext; onDone: () => void }) {
  const { t } = useTranslation();
  const { kase } = context;
  const weighed = kase.timeline.find((step) => step.fromStatus === 'weighing');

  if (weighed?.decision !== null && weighed?.decision !== undefined) {
    return (
      <>
        <p>
          <strong>{t('cases.timeline.decision', { decision: t(`vocab.weighingDecision.${weighed.decision}`) })}</strong>
        </p>
        <ul className="plain-list">
          {ASSESSMENTS.map((name) => (
            <li key={name}>
              {t(`cases.weighing.${name}`)}:{' '}
              {weighed[name] === true ? t('cases.weighing.favourable') : t('cases.weighing.unfavourable')}
            </li>
          ))}
        </ul>
        <p className="muted">{t('cases.timeline.by', { name: weighed.byName || context.personName(weighed.by) })}</p>
      </>
    );
  }
  if (kase.status !== 'weighing') {
    return <p>{kase.status === 'closed' ? t('cases.weighing.notWeighed') : t('cases.weighing.notYet')}</p>;
  }
  return (
    <>
      <p>{t('cases.weighing.intro')}</p>
      {context.chair ? <WeighingForm context={context} onDone={onDone} /> : <p>{t('cases.weighing.chairRecords')}</p>}
    </>
  );
}
