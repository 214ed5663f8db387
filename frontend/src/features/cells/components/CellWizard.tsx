import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { ApiError } from '@/api/errors';
import {
  ErrorSummary,
  problemErrors,
  RadioGroup,
  TextAreaField,
  TextField,
  useFormErrors,
  type FormError,
} from '@/components/form';
import { isoDay, useFormat } from '@/i18n/format';

import { useCreateCell } from '../api/use-cells';
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, toIsoDuration } from '../model/duration';
import { LEGAL_BASIS_KINDS, WORKING_LANGUAGES } from '../model/vocabulary';
import {
  emptyDraft,
  FIELD,
  locateIssue,
  retentionDays,
  stepIssues,
  toCellCreate,
  WIZARD_STEPS,
  type CellDraft,
  type DraftIssue,
  type WizardStep,
} from '../model/wizard';
import { MunicipalitiesEditor } from './MunicipalitiesEditor';

/** The state the wizard leaves in the history when it navigates to the new cell. */
export interface CellCreatedState {
  created: string;
}

export function isCellCreatedState(value: unknown): value is CellCreatedState {
  return typeof value === 'object' && value !== null && 'created' in value && typeof value.created === 'string';
}

/**
 * The first set-up of a cell, one question at a time: name and working language, municipalities,
 * legal basis (R-PRIV-3), retention (R-PRIV-6), confidentiality terms (R-PRIV-4), then a review.
 * Each step is checked before the next; the heading of a new step takes the focus.
 */
export function CellWizard() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const create = useCreateCell();
  const [draft, setDraft] = useState<CellDraft>(() => emptyDraft(t('cells.terms.default')));
  const [step, setStep] = useState<WizardStep>('basics');
  const { errors, attempt, fail, clear, fieldError } = useFormErrors();
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  const index = WIZARD_STEPS.indexOf(step);

  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    heading.current?.focus();
  }, [step]);

  function set<K extends keyof CellDraft>(name: K, value: CellDraft[K]) {
    setDraft((current) => ({ ...current, [name]: value }));
  }

  function toErrors(issues: DraftIssue[]): FormError[] {
    return issues.map((issue) => ({
      fieldId: issue.fieldId,
      message: t(`cells.wizard.issue.${issue.code}`, { min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS }),
    }));
  }

  function go(next: WizardStep) {
    clear();
    setStep(next);
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const issues = stepIssues(step, draft, isoDay());
    if (issues.length > 0) {
      const first = issues[0];
      const located = step === 'review' && first !== undefined ? findStep(first.fieldId) : step;
      setStep(located);
      fail(toErrors(issues.filter((issue) => findStep(issue.fieldId) === located)));
      return;
    }
    const next = WIZARD_STEPS[index + 1];
    if (step !== 'review' && next !== undefined) {
      go(next);
      return;
    }
    create.mutate(toCellCreate(draft), {
      onSuccess(cell) {
        const state: CellCreatedState = { created: cell.name };
        void navigate(`/cells/${cell.id}`, { state });
      },
      onError(error) {
        const list = problemErrors(error, (name) => locateIssue(name)?.fieldId, t('problem.generic'));
        const firstStep = locateIssueStep(error);
        if (firstStep !== null) setStep(firstStep);
        fail(list);
      },
    });
  }

  function findStep(fieldId: string): WizardStep {
    return (
      WIZARD_STEPS.find(
        (candidate) =>
          candidate !== 'review' && stepIssues(candidate, draft, isoDay()).some((i) => i.fieldId === fieldId),
      ) ?? 'review'
    );
  }

  function locateIssueStep(error: unknown): WizardStep | null {
    if (!(error instanceof ApiError)) return null;
    for (const issue of error.issues) {
      const located = locateIssue(issue.name);
      if (located !== null) return located.step;
    }
    return null;
  }

  const days = retentionDays(draft);
  const stepTitle = t(`cells.wizard.step.${step}`);

  return (
    <>
      <ol className="wizard-steps" aria-label={t('cells.wizard.progress')}>
        {WIZARD_STEPS.map((candidate, position) => (
          <li
            key={candidate}
            className={
              position === index
                ? 'wizard-steps__step wizard-steps__step--current'
                : position < index
                  ? 'wizard-steps__step wizard-steps__step--done'
                  : 'wizard-steps__step'
            }
            aria-current={position === index ? 'step' : undefined}
          >
            {t(`cells.wizard.step.${candidate}`)}
            {position < index && <span className="visually-hidden"> {t('cells.wizard.done')}</span>}
          </li>
        ))}
      </ol>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form wizard" noValidate onSubmit={onSubmit} aria-busy={create.isPending}>
        <h2 ref={heading} tabIndex={-1}>
          {t('cells.wizard.stepOf', { number: index + 1, total: WIZARD_STEPS.length, title: stepTitle })}
        </h2>

        {step === 'basics' && (
          <>
            <TextField
              id={FIELD.name}
              label={t('cells.wizard.name')}
              hint={t('cells.wizard.nameHint')}
              error={fieldError(FIELD.name)}
              value={draft.name}
              maxLength={200}
              autoComplete="off"
              onChange={(event) => {
                set('name', event.target.value);
              }}
            />
            <RadioGroup
              id={FIELD.workingLanguage}
              name="workingLanguage"
              legend={t('cells.wizard.workingLanguage')}
              hint={t('cells.wizard.workingLanguageHint')}
              choices={WORKING_LANGUAGES.map((value) => ({
                value,
                label: t(`vocab.workingLanguage.${value}`),
              }))}
              value={draft.workingLanguage}
              onChange={(value) => {
                set('workingLanguage', value);
              }}
            />
          </>
        )}

        {step === 'municipalities' && (
          <>
            <p>{t('cells.wizard.municipalitiesIntro')}</p>
            <MunicipalitiesEditor
              municipalities={draft.municipalities}
              onChange={(municipalities) => {
                set('municipalities', municipalities);
              }}
              fieldError={fieldError}
            />
          </>
        )}

        {step === 'legalBasis' && (
          <>
            <p>{t('cells.legalBasis.intro')}</p>
            <RadioGroup
              id={FIELD.legalBasisKind}
              name="legalBasisKind"
              legend={t('cells.legalBasis.kind')}
              choices={[
                ...LEGAL_BASIS_KINDS.map((value) => ({ value, label: t(`vocab.legalBasisKind.${value}`) })),
                { value: 'later' as const, label: t('cells.legalBasis.later'), hint: t('cells.legalBasis.laterHint') },
              ]}
              value={draft.legalBasisKind}
              onChange={(value) => {
                set('legalBasisKind', value);
              }}
            />
            {draft.legalBasisKind !== 'later' && (
              <>
                <TextField
                  id={FIELD.legalBasisReference}
                  label={t('cells.legalBasis.reference')}
                  hint={t('cells.legalBasis.referenceHint')}
                  error={fieldError(FIELD.legalBasisReference)}
                  value={draft.legalBasisReference}
                  maxLength={300}
                  autoComplete="off"
                  onChange={(event) => {
                    set('legalBasisReference', event.target.value);
                  }}
                />
                <TextField
                  id={FIELD.legalBasisDecidedOn}
                  type="date"
                  label={t('cells.legalBasis.decidedOn')}
                  hint={t('cells.legalBasis.decidedOnHint')}
                  error={fieldError(FIELD.legalBasisDecidedOn)}
                  value={draft.legalBasisDecidedOn}
                  max={isoDay()}
                  className="field__input--short"
                  onChange={(event) => {
                    set('legalBasisDecidedOn', event.target.value);
                  }}
                />
              </>
            )}
          </>
        )}

        {step === 'retention' && (
          <>
            <p>{t('cells.retention.intro')}</p>
            <TextField
              id={FIELD.retentionValue}
              label={t('cells.retention.value')}
              hint={t('cells.retention.hint', { min: RETENTION_MIN_DAYS, max: format.number(RETENTION_MAX_DAYS) })}
              error={fieldError(FIELD.retentionValue)}
              value={draft.retentionValue}
              inputMode="numeric"
              maxLength={5}
              autoComplete="off"
              className="field__input--short"
              onChange={(event) => {
                set('retentionValue', event.target.value);
              }}
            />
            <RadioGroup
              id="cell-retention-unit"
              name="retentionUnit"
              legend={t('cells.retention.unit')}
              inline
              choices={[
                { value: 'months' as const, label: t('cells.retention.months') },
                { value: 'days' as const, label: t('cells.retention.days') },
              ]}
              value={draft.retentionUnit}
              onChange={(value) => {
                set('retentionUnit', value);
              }}
            />
            {days !== null && days > 0 && (
              <p className="muted" aria-live="polite">
                {t('cells.retention.preview', {
                  days: format.number(days),
                  iso: toIsoDuration(Number(draft.retentionValue), draft.retentionUnit),
                })}
              </p>
            )}
          </>
        )}

        {step === 'terms' && (
          <TextAreaField
            id={FIELD.terms}
            label={t('cells.terms.text')}
            hint={t('cells.terms.wizardHint')}
            error={fieldError(FIELD.terms)}
            value={draft.terms}
            rows={8}
            maxLength={20_000}
            onChange={(event) => {
              set('terms', event.target.value);
            }}
          />
        )}

        {step === 'review' && <Review draft={draft} onEdit={go} />}

        <div className="form__actions">
          {index > 0 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                const previous = WIZARD_STEPS[index - 1];
                if (previous !== undefined) go(previous);
              }}
            >
              {t('cells.wizard.back')}
            </button>
          )}
          <button type="submit" className="button" disabled={create.isPending}>
            {step === 'review' ? t('cells.wizard.create') : t('cells.wizard.next')}
          </button>
        </div>
      </form>
    </>
  );
}

function Review({ draft, onEdit }: { draft: CellDraft; onEdit: (step: WizardStep) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = retentionDays(draft) ?? 0;

  function edit(step: WizardStep, what: string) {
    return (
      <button
        type="button"
        className="button-link"
        onClick={() => {
          onEdit(step);
        }}
      >
        {t('cells.wizard.change')}
        <span className="visually-hidden"> {what}</span>
      </button>
    );
  }

  const basis =
    draft.legalBasisKind === 'later'
      ? t('cells.legalBasis.later')
      : [
          t(`vocab.legalBasisKind.${draft.legalBasisKind}`),
          draft.legalBasisReference.trim(),
          draft.legalBasisDecidedOn === '' ? '' : format.day(draft.legalBasisDecidedOn),
        ]
          .filter((part) => part !== '')
          .join(' — ');

  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>{t('cells.wizard.name')}</dt>
        <dd>{draft.name}</dd>
        <dd className="summary-list__action">{edit('basics', t('cells.wizard.name'))}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cells.wizard.workingLanguage')}</dt>
        <dd>{t(`vocab.workingLanguage.${draft.workingLanguage}`)}</dd>
        <dd className="summary-list__action">{edit('basics', t('cells.wizard.workingLanguage'))}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cells.wizard.step.municipalities')}</dt>
        <dd>{format.list(draft.municipalities.map((m) => `${m.name.trim()} (${m.nisCode.trim()})`))}</dd>
        <dd className="summary-list__action">
          {edit('municipalities', t('cells.wizard.step.municipalities'))}
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cells.wizard.step.legalBasis')}</dt>
        <dd>{basis}</dd>
        <dd className="summary-list__action">{edit('legalBasis', t('cells.wizard.step.legalBasis'))}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cells.wizard.step.retention')}</dt>
        <dd>
          {t('cells.retention.summary', {
            days: format.number(days),
            iso: toIsoDuration(Number(draft.retentionValue), draft.retentionUnit),
          })}
        </dd>
        <dd className="summary-list__action">{edit('retention', t('cells.wizard.step.retention'))}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cells.wizard.step.terms')}</dt>
        <dd className="prose">{draft.terms}</dd>
        <dd className="summary-list__action">{edit('terms', t('cells.wizard.step.terms'))}</dd>
      </div>
    </dl>
  );
}
