import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '@/api/errors';
import { ErrorSummary, problemErrors, RadioGroup, useFormErrors } from '@/components/form';
import { PrivacyTextArea, type Refusal } from '@/components/privacy';

import {
  CRITERIA,
  draftIssues,
  explanationField,
  FLAGS,
  inputId,
  inputOfIssue,
  KEY_ASSESSMENTS,
  MAX_TEXT_LENGTH,
  scoreField,
  SCORES,
  TEXT_FIELDS,
  toContent,
  type FeedbackContent,
  type FeedbackDraft,
  type Flag,
  type Score,
  type TextField,
} from '../model/content';

interface FeedbackEditorProps {
  initial: FeedbackDraft;
  submitLabel: string;
  busy: boolean;
  /** Sends the content; a refusal lands on the fields and in the error summary. */
  onSave: (content: FeedbackContent) => Promise<unknown>;
  /** Refusals the caller explains itself (a newer version saved meanwhile). */
  explainedElsewhere?: (error: unknown) => boolean;
  onCancel?: () => void;
  /** Shown above the buttons (the caller's notice about a newer version). */
  notice?: ReactNode;
}

/** Per text field, the identifier spans of a refused save (R-PRIV-2), to highlight them. */
function refusalsOf(error: unknown, draft: FeedbackDraft): Map<string, Refusal> {
  const refusals = new Map<string, Refusal>();
  if (!(error instanceof ApiError)) return refusals;
  for (const issue of error.issues) {
    const field = TEXT_FIELDS.find((name) => name === issue.name);
    if (field === undefined || issue.start === undefined || issue.end === undefined) continue;
    const refusal = refusals.get(field) ?? { text: draft.texts[field], findings: [] };
    refusal.findings.push({ kind: issue.kind ?? '', start: issue.start, end: issue.end, detail: issue.detail });
    refusals.set(field, refusal);
  }
  return refusals;
}

const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');

/**
 * The feedback form (R-FB-1) to draft or edit: each criterion on the 1–5 scale (higher is more
 * favourable to the person) with its motivation, the follow-up question, other elements and the
 * key assessment. Every text has the privacy helper (R-PRIV-2); the server checks everything again.
 */
export function FeedbackEditor({ initial, submitLabel, busy, onSave, explainedElsewhere, onCancel, notice }: FeedbackEditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<FeedbackDraft>(initial);
  const { errors, attempt, fail, clear, fieldError } = useFormErrors();
  const [refusals, setRefusals] = useState<Map<string, Refusal>>(new Map());

  function setText(field: TextField, value: string) {
    setDraft((current) => ({ ...current, texts: { ...current.texts, [field]: value } }));
  }

  function text(field: TextField, hint?: string) {
    return (
      <PrivacyTextArea
        id={inputId(field)}
        label={t(`feedback.field.${field}`)}
        hint={hint}
        error={fieldError(inputId(field))}
        value={draft.texts[field]}
        rows={4}
        maxLength={MAX_TEXT_LENGTH}
        refusal={refusals.get(field)}
        onChange={(value) => {
          setText(field, value);
        }}
      />
    );
  }

  function flag(name: Flag) {
    return (
      <RadioGroup
        id={`feedback-${name}`}
        name={name}
        legend={t(`feedback.field.${name}`)}
        inline
        error={fieldError(inputId(name))}
        choices={[
          { value: 'yes' as const, label: t('feedback.yes') },
          { value: 'no' as const, label: t('feedback.no') },
        ]}
        value={yesNo(draft.flags[name])}
        onChange={(value) => {
          setDraft((current) => ({ ...current, flags: { ...current.flags, [name]: value === 'yes' } }));
        }}
      />
    );
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefusals(new Map());
    const issues = draftIssues(draft);
    if (issues.length > 0) {
      fail(
        issues.map((issue) => ({
          fieldId: inputId(issue.field),
          message: t(`feedback.issue.${issue.code}`, { field: t(`feedback.field.${issue.field}`), max: MAX_TEXT_LENGTH }),
        })),
      );
      return;
    }
    const sent = draft;
    onSave(toContent(sent)).then(
      () => {
        clear();
      },
      (error: unknown) => {
        if (explainedElsewhere?.(error) === true) {
          clear();
          return;
        }
        setRefusals(refusalsOf(error, sent));
        fail(problemErrors(error, inputOfIssue, t('problem.generic')));
      },
    );
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form form--wide feedback-editor" noValidate onSubmit={onSubmit} aria-busy={busy}>
        <p className="explanation">{t('feedback.editor.intro')}</p>
        {CRITERIA.map((criterion) => {
          const field = scoreField(criterion);
          return (
            <section key={criterion} className="feedback-editor__part" aria-labelledby={`feedback-part-${criterion}`}>
              <h4 id={`feedback-part-${criterion}`}>{t(`feedback.criterion.${criterion}`)}</h4>
              <RadioGroup
                id={`feedback-${field}`}
                name={field}
                legend={t(`feedback.field.${field}`)}
                hint={t('feedback.editor.scaleHint')}
                error={fieldError(inputId(field))}
                choices={SCORES.map((score) => ({
                  value: String(score),
                  label: t('feedback.scoreValue', { score, label: t(`feedback.scale.${criterion}.${score}`) }),
                }))}
                value={draft.scores[criterion] === null ? '' : String(draft.scores[criterion])}
                onChange={(value) => {
                  setDraft((current) => ({ ...current, scores: { ...current.scores, [criterion]: Number(value) as Score } }));
                }}
              />
              {text(explanationField(criterion))}
            </section>
          );
        })}
        <section className="feedback-editor__part" aria-labelledby="feedback-part-followUp">
          <h4 id="feedback-part-followUp">{t('feedback.criterion.followUp')}</h4>
          {FLAGS.map((name) => (
            <div key={name}>{flag(name)}</div>
          ))}
          {text('followUpExplanation')}
        </section>
        <section className="feedback-editor__part" aria-labelledby="feedback-part-other">
          <h4 id="feedback-part-other">{t('feedback.criterion.other')}</h4>
          {text('otherElements', t('feedback.editor.otherHint'))}
        </section>
        <section className="feedback-editor__part" aria-labelledby="feedback-part-key">
          <h4 id="feedback-part-key">{t('feedback.criterion.keyAssessment')}</h4>
          <RadioGroup
            id="feedback-ableAndWillingToCommitTerroristActs"
            name="ableAndWillingToCommitTerroristActs"
            legend={t('feedback.field.ableAndWillingToCommitTerroristActs')}
            hint={t('feedback.editor.keyHint')}
            error={fieldError(inputId('ableAndWillingToCommitTerroristActs'))}
            choices={KEY_ASSESSMENTS.map((value) => ({
              value,
              label: t(`vocab.keyAssessment.${value}`),
              hint: t(`feedback.keyAssessmentExplain.${value}`),
            }))}
            value={draft.keyAssessment ?? ''}
            onChange={(value) => {
              setDraft((current) => ({ ...current, keyAssessment: value }));
            }}
          />
          {text('keyAssessmentMotivation')}
        </section>
        {notice}
        <div className="form__actions button-row">
          <button type="submit" className="button" disabled={busy}>
            {submitLabel}
          </button>
          {onCancel !== undefined && (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}
