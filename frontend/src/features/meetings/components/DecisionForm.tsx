import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '@/api/errors';
import { CheckboxField, ChoiceFieldset, RadioGroup, SelectField } from '@/components/form';
import { WarningIcon } from '@/components/icons';
import { PrivacyTextArea } from '@/components/privacy';
import { ProblemMessage } from '@/components/ProblemMessage';

import { useRecordDecision, type AgendaItem, type Decision, type Meeting, type WeighingDecision } from '../api/use-meetings';
import { decisionChoices, decisionLabel, WEIGHING_DECISIONS } from '../model/decisions';

const ASSESSMENTS = ['threatNotParticularlyHigh', 'willingToCooperate', 'noHeavyMilieuContacts'] as const;
type Assessment = (typeof ASSESSMENTS)[number];

const NO_ASSESSMENTS: Record<Assessment, boolean> = {
  threatNotParticularlyHigh: false,
  willingToCooperate: false,
  noHeavyMilieuContacts: false,
};

/**
 * The chair records the table's decision on a case item, in place: it moves the case (naming this
 * meeting, R-CASE-5) and enters the minutes. A weighing takes the three assessments and the joint
 * decision (R-CASE-6); "retained" needs all three favourable (R-CASE-7), explained when refused.
 */
export function DecisionForm({ meeting, item }: { meeting: Meeting; item: AgendaItem }) {
  const { t } = useTranslation();
  const record = useRecordDecision(meeting);
  const prefix = `decision-${item.id}`;
  const [decision, setDecision] = useState<Decision | ''>('');
  const [assessments, setAssessments] = useState(NO_ASSESSMENTS);
  const [weighing, setWeighing] = useState<WeighingDecision | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; weighing?: string }>({});
  const [done, setDone] = useState('');
  const { suggested, others } = decisionChoices(item.purpose);
  const allFavourable = ASSESSMENTS.every((name) => assessments[name]);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone('');
    const found: { decision?: string; weighing?: string } = {};
    if (decision === '') found.decision = t('meetings.decision.missing');
    else if (decision === 'weigh' && weighing === '') found.weighing = t('cases.weighing.decisionMissing');
    setErrors(found);
    if (found.decision !== undefined || found.weighing !== undefined) {
      document.getElementById(found.decision !== undefined ? `${prefix}-choice` : `${prefix}-weighing-0`)?.focus();
      return;
    }
    if (decision === '' || item.case === null || item.case === undefined) return;
    const label = decision === 'weigh' && weighing !== '' ? `weigh:${weighing}` : decision;
    record.mutate(
      {
        caseId: item.case,
        body: {
          agendaItem: item.id,
          decision,
          note: note.trim() === '' ? null : note.trim(),
          weighing: decision === 'weigh' && weighing !== '' ? { ...assessments, decision: weighing } : null,
        },
      },
      {
        onSuccess() {
          setDone(t('meetings.decision.done', { decision: decisionLabel(label, t), code: item.caseCode ?? '' }));
          setDecision('');
          setAssessments(NO_ASSESSMENTS);
          setWeighing('');
          setNote('');
        },
      },
    );
  }

  return (
    <form className="form decision-form" noValidate onSubmit={onSubmit} aria-busy={record.isPending}>
      <h4 className="decision-form__title">{t('meetings.decision.title')}</h4>
      <SelectField
        id={`${prefix}-choice`}
        label={t('meetings.decision.label')}
        hint={t('meetings.decision.hint')}
        error={errors.decision}
        value={decision}
        onChange={(event) => {
          setDecision(event.target.value as Decision | '');
          record.reset();
        }}
      >
        <option value="">{t('common.choose')}</option>
        {suggested.length > 0 && (
          <optgroup label={t('meetings.decision.suggested')}>
            {suggested.map((value) => (
              <option key={value} value={value}>
                {t(`vocab.decision.${value}`)}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={suggested.length > 0 ? t('meetings.decision.others') : t('meetings.decision.all')}>
          {others.map((value) => (
            <option key={value} value={value}>
              {t(`vocab.decision.${value}`)}
            </option>
          ))}
        </optgroup>
      </SelectField>
      {decision === 'weigh' && (
        <>
          <ChoiceFieldset
            id={`${prefix}-assessments`}
            legend={t('cases.weighing.assessments')}
            hint={t('cases.weighing.assessmentsHint')}
          >
            {ASSESSMENTS.map((name) => (
              <CheckboxField
                key={name}
                id={`${prefix}-${name}`}
                label={t(`cases.weighing.${name}`)}
                checked={assessments[name]}
                onChange={(event) => {
                  setAssessments((current) => ({ ...current, [name]: event.target.checked }));
                }}
              />
            ))}
          </ChoiceFieldset>
          <RadioGroup
            id={`${prefix}-weighing`}
            name={`${prefix}-weighing`}
            legend={t('cases.weighing.decision')}
            hint={t('cases.weighing.decisionHint')}
            error={errors.weighing}
            choices={WEIGHING_DECISIONS.map((value) => ({
              value,
              label: t(`vocab.weighingDecision.${value}`),
              hint: t(`cases.weighing.decisionExplain.${value}`),
            }))}
            value={weighing}
            onChange={setWeighing}
          />
        </>
      )}
      <div aria-live="polite">
        {decision === 'weigh' && weighing === 'retained' && !allFavourable && (
          <p className="guide">
            <WarningIcon className="guide__icon" />
            {t('cases.weighing.r7guide')}
          </p>
        )}
      </div>
      <PrivacyTextArea
        id={`${prefix}-note`}
        label={t('meetings.decision.note')}
        hint={t('meetings.decision.noteHint')}
        value={note}
        rows={2}
        maxLength={2_000}
        onChange={setNote}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={record.isPending}>
          {t('meetings.decision.submit')}
        </button>
      </div>
      <p className="inline-status" role="status">
        {done}
      </p>
      {record.isError && (
        <div className="refusal">
          <ProblemMessage error={record.error} />
          {record.error instanceof ApiError && record.error.rule === 'R-CASE-7' && (
            <p className="refusal__explain">{t('cases.weighing.r7explain')}</p>
          )}
        </div>
      )}
    </form>
  );
}
