import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import {
  ErrorSummary,
  problemErrors,
  RadioGroup,
  SelectField,
  TextField,
  useFormErrors,
} from '@/components/form';
import { ProblemMessage } from '@/components/ProblemMessage';
import { isoDay, useFormat } from '@/i18n/format';

import { useCell, useRecordLegalBasis, useUpdateCell, type Cell } from '../api/use-cells';
import {
  durationToDays,
  fromDays,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  toIsoDuration,
  type RetentionUnit,
} from '../model/duration';
import { LEGAL_BASIS_KINDS, WORKING_LANGUAGES, type LegalBasisKind, type WorkingLanguage } from '../model/vocabulary';
import { FIELD, locateIssue, stepIssues, type CellDraft, type MunicipalityDraft } from '../model/wizard';
import { CompositionChecklist } from './CompositionChecklist';
import { MunicipalitiesEditor } from './MunicipalitiesEditor';

function Settings({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = durationToDays(cell.retention);
  const basis = cell.legalBasis;
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>{t('cells.wizard.step.municipalities')}</dt>
        <dd>{format.list(cell.municipalities.map((m) => `${m.name} (${m.nisCode})`))}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cells.wizard.workingLanguage')}</dt>
        <dd>{t(`vocab.workingLanguage.${cell.workingLanguage}`)}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cells.wizard.step.retention')}</dt>
        <dd>
          {days === null
            ? cell.retention
            : t('cells.retention.summary', { days: format.number(days), iso: cell.retention })}
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cells.wizard.step.legalBasis')}</dt>
        <dd>
          {basis === null || basis === undefined
            ? t('cells.legalBasis.none')
            : [
                t(`vocab.legalBasisKind.${basis.kind}`),
                basis.reference,
                basis.decidedOn === null || basis.decidedOn === undefined ? '' : format.day(basis.decidedOn),
              ]
                .filter((part) => part !== '')
                .join(' — ')}
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cells.wizard.step.terms')}</dt>
        <dd>
          {cell.confidentialityTerms === null || cell.confidentialityTerms === undefined
            ? t('cells.terms.none')
            : t('cells.terms.versionOf', {
                version: cell.confidentialityTerms.version,
                date: format.instant(cell.confidentialityTerms.publishedAt),
              })}
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('cells.list.col.state')}</dt>
        <dd>{cell.active ? t('cells.list.active') : t('cells.list.inactive')}</dd>
      </div>
    </dl>
  );
}

function SettingsForm({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  const update = useUpdateCell(cell.id);
  const stored = fromDays(durationToDays(cell.retention) ?? 730);
  const [name, setName] = useState(cell.name);
  const [language, setLanguage] = useState<WorkingLanguage>(cell.workingLanguage);
  const [retentionValue, setRetentionValue] = useState(String(stored.value));
  const [retentionUnit, setRetentionUnit] = useState<RetentionUnit>(stored.unit);
  const [municipalities, setMunicipalities] = useState<MunicipalityDraft[]>(
    cell.municipalities.map((m, key) => ({ key, nisCode: m.nisCode, name: m.name })),
  );
  const { errors, attempt, fail, clear, fieldError } = useFormErrors();
  const [saved, setSaved] = useState(false);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const draft: CellDraft = {
      name,
      workingLanguage: language,
      municipalities,
      legalBasisKind: 'later',
      legalBasisReference: '',
      legalBasisDecidedOn: '',
      retentionValue,
      retentionUnit,
      terms: '-',
    };
    const issues = (['basics', 'municipalities', 'retention'] as const).flatMap((step) =>
      stepIssues(step, draft, isoDay()),
    );
    if (issues.length > 0) {
      fail(
        issues.map((issue) => ({
          fieldId: issue.fieldId,
          message: t(`cells.wizard.issue.${issue.code}`, { min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS }),
        })),
      );
      return;
    }
    update.mutate(
      {
        name: name.trim(),
        workingLanguage: language,
        retention: toIsoDuration(Number(retentionValue), retentionUnit),
        municipalities: municipalities.map((m) => ({ nisCode: m.nisCode.trim(), name: m.name.trim() })),
      },
      {
        onSuccess() {
          clear();
          setSaved(true);
        },
        onError(error) {
          fail(problemErrors(error, (issue) => locateIssue(issue)?.fieldId, t('problem.generic')));
        },
      },
    );
  }

  return (
    <details className="disclosure">
      <summary>{t('cells.settings.edit')}</summary>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={update.isPending}>
        <TextField
          id={FIELD.name}
          label={t('cells.wizard.name')}
          error={fieldError(FIELD.name)}
          value={name}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
        <SelectField
          id="cell-settings-language"
          label={t('cells.wizard.workingLanguage')}
          value={language}
          onChange={(event) => {
            const value = WORKING_LANGUAGES.find((candidate) => candidate === event.target.value);
            if (value !== undefined) setLanguage(value);
          }}
        >
          {WORKING_LANGUAGES.map((value) => (
            <option key={value} value={value}>
              {t(`vocab.workingLanguage.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={FIELD.retentionValue}
          label={t('cells.retention.value')}
          hint={t('cells.retention.hint', { min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS })}
          error={fieldError(FIELD.retentionValue)}
          value={retentionValue}
          inputMode="numeric"
          maxLength={5}
          className="field__input--short"
          onChange={(event) => {
            setRetentionValue(event.target.value);
          }}
        />
        <RadioGroup
          id="cell-settings-retention-unit"
          name="retentionUnit"
          legend={t('cells.retention.unit')}
          inline
          choices={[
            { value: 'months' as const, label: t('cells.retention.months') },
            { value: 'days' as const, label: t('cells.retention.days') },
          ]}
          value={retentionUnit}
          onChange={setRetentionUnit}
        />
        <h3>{t('cells.wizard.step.municipalities')}</h3>
        <MunicipalitiesEditor municipalities={municipalities} onChange={setMunicipalities} fieldError={fieldError} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {t('common.save')}
          </button>
        </div>
        <p className="notice" role="status">
          {saved ? t('cells.settings.saved') : ''}
        </p>
      </form>
    </details>
  );
}

const LEGAL_FIELD = {
  kind: 'legal-basis-kind',
  reference: 'legal-basis-reference',
  decidedOn: 'legal-basis-date',
} as const;

function legalField(name: string | undefined): string | undefined {
  if (name === 'reference') return LEGAL_FIELD.reference;
  if (name === 'decidedOn') return LEGAL_FIELD.decidedOn;
  if (name === 'kind') return `${LEGAL_FIELD.kind}-0`;
  return undefined;
}

/** R-PRIV-3: record (or replace) the legal basis of the case consultation. */
function LegalBasisForm({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  const record = useRecordLegalBasis(cell.id);
  const [kind, setKind] = useState<LegalBasisKind>(cell.legalBasis?.kind ?? 'law');
  const [reference, setReference] = useState(cell.legalBasis?.reference ?? '');
  const [decidedOn, setDecidedOn] = useState(cell.legalBasis?.decidedOn ?? '');
  const { errors, attempt, fail, clear, fieldError } = useFormErrors();
  const [saved, setSaved] = useState(false);
  // Open at first when there is no legal basis yet; afterwards the user decides.
  const [initiallyOpen] = useState(cell.legalBasis === null || cell.legalBasis === undefined);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const found = [];
    if (reference.trim() === '') {
      found.push({ fieldId: LEGAL_FIELD.reference, message: t('cells.wizard.issue.referenceMissing') });
    }
    if (kind === 'prosecutorPermission' && decidedOn === '') {
      found.push({ fieldId: LEGAL_FIELD.decidedOn, message: t('cells.wizard.issue.decidedOnMissing') });
    }
    if (found.length > 0) {
      fail(found);
      return;
    }
    record.mutate(
      { kind, reference: reference.trim(), ...(decidedOn === '' ? {} : { decidedOn }) },
      {
        onSuccess() {
          clear();
          setSaved(true);
        },
        onError(error) {
          fail(problemErrors(error, legalField, t('problem.generic')));
        },
      },
    );
  }

  return (
    <details className="disclosure" open={initiallyOpen}>
      <summary>{t('cells.legalBasis.record')}</summary>
      <p>{t('cells.legalBasis.intro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={record.isPending}>
        <RadioGroup
          id={LEGAL_FIELD.kind}
          name="legalBasisKind"
          legend={t('cells.legalBasis.kind')}
          choices={LEGAL_BASIS_KINDS.map((value) => ({ value, label: t(`vocab.legalBasisKind.${value}`) }))}
          value={kind}
          onChange={setKind}
        />
        <TextField
          id={LEGAL_FIELD.reference}
          label={t('cells.legalBasis.reference')}
          hint={t('cells.legalBasis.referenceHint')}
          error={fieldError(LEGAL_FIELD.reference)}
          value={reference}
          maxLength={300}
          onChange={(event) => {
            setReference(event.target.value);
          }}
        />
        <TextField
          id={LEGAL_FIELD.decidedOn}
          type="date"
          label={t('cells.legalBasis.decidedOn')}
          hint={t('cells.legalBasis.decidedOnHint')}
          error={fieldError(LEGAL_FIELD.decidedOn)}
          value={decidedOn}
          max={isoDay()}
          className="field__input--short"
          onChange={(event) => {
            setDecidedOn(event.target.value);
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={record.isPending}>
            {t('cells.legalBasis.save')}
          </button>
        </div>
        <p className="notice" role="status">
          {saved ? t('cells.legalBasis.saved') : ''}
        </p>
      </form>
    </details>
  );
}

interface CellOverviewProps {
  cellId: string;
  manage: boolean;
  /** The name of the cell the wizard just created: then say what comes next. */
  createdName?: string | undefined;
}

/** The cell at a glance: its settings (editable by its managers) and the composition checklist. */
export function CellOverview({ cellId, manage, createdName }: CellOverviewProps) {
  const { t } = useTranslation();
  const cell = useCell(cellId);
  return (
    <>
      {createdName !== undefined && (
        <div className="notice" role="status">
          <p>{t('cells.created', { name: createdName })}</p>
          <p>
            <Link to={`/cells/${cellId}/organisations`}>{t('cells.createdNext')}</Link>
          </p>
        </div>
      )}
      <div className="two-columns">
        <CompositionChecklist cellId={cellId} />
        <section className="panel" aria-labelledby="settings-title">
          <h2 id="settings-title">{t('cells.settings.title')}</h2>
          {cell.isError && <ProblemMessage error={cell.error} />}
          {cell.data !== undefined && (
            <>
              <Settings cell={cell.data} />
              {manage && (
                <>
                  <LegalBasisForm cell={cell.data} />
                  <SettingsForm cell={cell.data} />
                </>
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}
