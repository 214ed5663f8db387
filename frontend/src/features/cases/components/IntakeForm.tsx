import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '@/api/errors';
import { CheckboxGroup, ErrorSummary, problemErrors, RadioGroup, SelectField, TextField, useFormErrors } from '@/components/form';
import { ProblemMessage } from '@/components/ProblemMessage';
import { PrivacyTextArea, type Refusal } from '@/components/privacy';
import { isoDay } from '@/i18n/format';

import { useCellInfo, useCellOrganisations, useCellTables, useSubmitCase, type CaseRead } from '../api/use-cases';
import {
  AGE_BANDS,
  emptyIntake,
  FIELD,
  INITIAL_PROBLEMS,
  intakeFieldOf,
  intakeIssues,
  MIN_TEXT_LENGTH,
  PHENOMENA,
  toCaseCreate,
  type IntakeDraft,
  type SignalDraft,
} from '../model/intake';

import { TermsGate } from './TermsGate';

interface IntakeFormProps {
  cellId: string;
  userId: string;
  /** The information officer may submit for the LTF (R-CASE-1, R-CASE-3). */
  informationOfficer: boolean;
  onSubmitted: (created: CaseRead) => void;
}

/** Per field, the identifier spans of a refused submission (R-PRIV-2), to highlight them. */
function refusalsOf(error: unknown, draft: IntakeDraft): Map<string, Refusal> {
  const refusals = new Map<string, Refusal>();
  if (!(error instanceof ApiError)) return refusals;
  for (const issue of error.issues) {
    const fieldId = intakeFieldOf(issue.name);
    if (fieldId === undefined || issue.start === undefined || issue.end === undefined) continue;
    const text = textOf(draft, fieldId);
    if (text === undefined) continue;
    const refusal = refusals.get(fieldId) ?? { text, findings: [] };
    refusal.findings.push({ kind: issue.kind ?? '', start: issue.start, end: issue.end, detail: issue.detail });
    refusals.set(fieldId, refusal);
  }
  return refusals;
}

function textOf(draft: IntakeDraft, fieldId: string): string | undefined {
  if (fieldId === FIELD.priorHandling) return draft.priorHandling;
  if (fieldId === FIELD.professionalAssessment) return draft.professionalAssessment;
  if (fieldId === FIELD.requestedFollowUp) return draft.requestedFollowUp;
  const index = draft.signals.findIndex((_, i) => FIELD.signalDescription(i) === fieldId);
  return index === -1 ? undefined : draft.signals[index]?.description;
}

/**
 * The intake (R-CASE-2): first what the organisation already did and its professional assessment,
 * then dated objective signals, then the initial problems, the age band, the municipality, and
 * only optionally a label (R-CASE-4). Every free text has the privacy helper (R-PRIV-2).
 */
export function IntakeForm({ cellId, userId, informationOfficer, onSubmitted }: IntakeFormProps) {
  const { t } = useTranslation();
  const cell = useCellInfo(cellId);
  const tables = useCellTables(cellId);
  const organisations = useCellOrganisations(cellId);

  const failure = cell.error ?? tables.error ?? organisations.error;
  if (failure !== null) return <ProblemMessage error={failure} />;
  if (cell.data === undefined || tables.data === undefined || organisations.data === undefined) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const operational = tables.data.items.find((table) => table.kind === 'operational');
  const mine = (operational?.members ?? []).filter((member) => member.user === userId);
  if (mine.length === 0) return <p className="problem">{t('cases.intake.notAtTable')}</p>;
  if (mine.some((member) => !member.termsAcknowledged)) return <TermsGate cellId={cellId} />;

  const names = new Map(organisations.data.items.map((o) => [o.id, o.name]));
  const myOrganisations = [...new Set(mine.map((member) => member.organisation))].map((id) => ({
    id,
    name: names.get(id) ?? id,
  }));
  return (
    <Intake
      cellId={cellId}
      municipalities={cell.data.municipalities}
      organisations={myOrganisations}
      informationOfficer={informationOfficer}
      onSubmitted={onSubmitted}
    />
  );
}

interface IntakeProps {
  cellId: string;
  municipalities: { nisCode: string; name: string }[];
  organisations: { id: string; name: string }[];
  informationOfficer: boolean;
  onSubmitted: (created: CaseRead) => void;
}

function Intake({ cellId, municipalities, organisations, informationOfficer, onSubmitted }: IntakeProps) {
  const { t } = useTranslation();
  const submit = useSubmitCase(cellId);
  const [draft, setDraft] = useState<IntakeDraft>(() =>
    emptyIntake(organisations[0]?.id ?? '', municipalities.length === 1 ? (municipalities[0]?.nisCode ?? '') : ''),
  );
  const { errors, attempt, fail, clear, fieldError } = useFormErrors();
  const [refusals, setRefusals] = useState<Map<string, Refusal>>(new Map());
  const today = isoDay();

  function set<K extends keyof IntakeDraft>(name: K, value: IntakeDraft[K]) {
    setDraft((current) => ({ ...current, [name]: value }));
  }

  function setSignal(index: number, change: Partial<SignalDraft>) {
    setDraft((current) => ({
      ...current,
      signals: current.signals.map((signal, i) => (i === index ? { ...signal, ...change } : signal)),
    }));
  }

  function addSignal() {
    const index = draft.signals.length;
    const key = Math.max(-1, ...draft.signals.map((s) => s.key)) + 1;
    set('signals', [...draft.signals, { key, observedOn: '', description: '' }]);
    requestAnimationFrame(() => document.getElementById(FIELD.signalDate(index))?.focus());
  }

  function removeSignal(index: number) {
    set(
      'signals',
      draft.signals.filter((_, i) => i !== index),
    );
    requestAnimationFrame(() => document.getElementById('intake-add-signal')?.focus());
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefusals(new Map());
    const issues = intakeIssues(draft, today);
    if (issues.length > 0) {
      fail(
        issues.map((issue) => ({
          fieldId: issue.fieldId,
          message: t(`cases.intake.issue.${issue.code}`, { min: MIN_TEXT_LENGTH }),
        })),
      );
      return;
    }
    const submitted = draft;
    submit.mutate(toCaseCreate(submitted), {
      onSuccess(created) {
        clear();
        onSubmitted(created);
      },
      onError(error) {
        setRefusals(refusalsOf(error, submitted));
        fail(problemErrors(error, intakeFieldOf, t('problem.generic')));
      },
    });
  }

  const reference = organisations.find((o) => o.id === draft.organisation)?.name ?? '';
  return (
    <>
      <div className="explanation">
        <p>{t('cases.intake.privacy')}</p>
        <p>{t('cases.intake.filter')}</p>
      </div>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form form--wide" noValidate onSubmit={onSubmit} aria-busy={submit.isPending}>
        {organisations.length > 1 ? (
          <SelectField
            id={FIELD.organisation}
            label={t('cases.intake.organisation')}
            hint={t('cases.intake.organisationHint')}
            error={fieldError(FIELD.organisation)}
            value={draft.organisation}
            onChange={(event) => {
              set('organisation', event.target.value);
            }}
          >
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className="field">{t('cases.intake.onBehalfOf', { name: reference })}</p>
        )}
        {informationOfficer && (
          <RadioGroup
            id={FIELD.source}
            name="source"
            legend={t('cases.intake.source')}
            choices={[
              { value: 'partner' as const, label: t('vocab.caseSource.partner') },
              { value: 'ltf' as const, label: t('vocab.caseSource.ltf'), hint: t('cases.intake.ltfHint') },
            ]}
            value={draft.source}
            onChange={(value) => {
              set('source', value);
            }}
          />
        )}

        <h2>{t('cases.intake.ownWork')}</h2>
        <PrivacyTextArea
          id={FIELD.priorHandling}
          label={t('cases.intake.priorHandling')}
          hint={t('cases.intake.priorHandlingHint', { min: MIN_TEXT_LENGTH })}
          error={fieldError(FIELD.priorHandling)}
          refusal={refusals.get(FIELD.priorHandling)}
          value={draft.priorHandling}
          maxLength={10_000}
          onChange={(value) => {
            set('priorHandling', value);
          }}
        />
        <PrivacyTextArea
          id={FIELD.professionalAssessment}
          label={t('cases.intake.assessment')}
          hint={t('cases.intake.assessmentHint')}
          error={fieldError(FIELD.professionalAssessment)}
          refusal={refusals.get(FIELD.professionalAssessment)}
          value={draft.professionalAssessment}
          maxLength={10_000}
          onChange={(value) => {
            set('professionalAssessment', value);
          }}
        />
        {draft.source === 'ltf' && (
          <PrivacyTextArea
            id={FIELD.requestedFollowUp}
            label={t('cases.intake.followUp')}
            hint={t('cases.intake.followUpHint')}
            error={fieldError(FIELD.requestedFollowUp)}
            refusal={refusals.get(FIELD.requestedFollowUp)}
            value={draft.requestedFollowUp}
            maxLength={10_000}
            onChange={(value) => {
              set('requestedFollowUp', value);
            }}
          />
        )}

        <h2>{t('cases.intake.signalsTitle')}</h2>
        <p className="field__hint">{t('cases.intake.signalsHint')}</p>
        <div id={FIELD.signals} tabIndex={-1} className="signals">
          {fieldError(FIELD.signals) !== undefined && <p className="field__error">{fieldError(FIELD.signals)}</p>}
          {draft.signals.map((signal, index) => {
            const number = index + 1;
            return (
              <fieldset key={signal.key} className="fieldset signal">
                <legend className="field__label">{t('cases.intake.signal', { number })}</legend>
                <TextField
                  id={FIELD.signalDate(index)}
                  type="date"
                  label={t('cases.intake.observedOn')}
                  error={fieldError(FIELD.signalDate(index))}
                  value={signal.observedOn}
                  max={today}
                  className="field__input--short"
                  onChange={(event) => {
                    setSignal(index, { observedOn: event.target.value });
                  }}
                />
                <PrivacyTextArea
                  id={FIELD.signalDescription(index)}
                  label={t('cases.intake.signalDescription')}
                  hint={t('cases.intake.signalDescriptionHint')}
                  error={fieldError(FIELD.signalDescription(index))}
                  refusal={refusals.get(FIELD.signalDescription(index))}
                  value={signal.description}
                  rows={3}
                  maxLength={5_000}
                  onChange={(value) => {
                    setSignal(index, { description: value });
                  }}
                />
                {draft.signals.length > 1 && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => {
                      removeSignal(index);
                    }}
                  >
                    {t('cases.intake.removeSignal', { number })}
                  </button>
                )}
              </fieldset>
            );
          })}
          <button id="intake-add-signal" type="button" className="button button--secondary" onClick={addSignal}>
            {t('cases.intake.addSignal')}
          </button>
        </div>

        <h2>{t('cases.intake.personTitle')}</h2>
        <CheckboxGroup
          id={FIELD.initialProblems}
          name="initialProblems"
          legend={t('cases.intake.initialProblems')}
          hint={t('cases.intake.initialProblemsHint')}
          error={fieldError(`${FIELD.initialProblems}-0`)}
          choices={INITIAL_PROBLEMS.map((value) => ({ value, label: t(`vocab.initialProblem.${value}`) }))}
          values={draft.initialProblems}
          onChange={(values) => {
            set('initialProblems', values);
          }}
        />
        <RadioGroup
          id={FIELD.ageBand}
          name="ageBand"
          legend={t('cases.intake.ageBand')}
          hint={t('cases.intake.ageBandHint')}
          error={fieldError(`${FIELD.ageBand}-0`)}
          choices={AGE_BANDS.map((value) => ({ value, label: t(`vocab.ageBand.${value}`) }))}
          value={draft.ageBand}
          onChange={(value) => {
            set('ageBand', value);
          }}
        />
        <SelectField
          id={FIELD.municipality}
          label={t('cases.intake.municipality')}
          hint={t('cases.intake.municipalityHint')}
          error={fieldError(FIELD.municipality)}
          value={draft.municipality}
          onChange={(event) => {
            set('municipality', event.target.value);
          }}
        >
          <option value="">{t('common.choose')}</option>
          {municipalities.map((municipality) => (
            <option key={municipality.nisCode} value={municipality.nisCode}>
              {municipality.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={FIELD.phenomenon}
          label={t('cases.intake.phenomenon')}
          hint={t('cases.intake.phenomenonHint')}
          error={fieldError(FIELD.phenomenon)}
          value={draft.phenomenon}
          onChange={(event) => {
            set('phenomenon', PHENOMENA.find((value) => value === event.target.value) ?? '');
          }}
        >
          <option value="">{t('cases.intake.noLabel')}</option>
          {PHENOMENA.map((value) => (
            <option key={value} value={value}>
              {t(`vocab.phenomenon.${value}`)}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="submit" className="button" disabled={submit.isPending}>
            {t('cases.intake.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
