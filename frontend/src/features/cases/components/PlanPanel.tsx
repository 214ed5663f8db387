import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { RadioGroup, SelectField, TextField } from '@/components/form';
import { WarningIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';
import { PrivacyTextArea } from '@/components/privacy';
import { isoDay, useFormat } from '@/i18n/format';

import { useAddAction, useStartPlan, useTemplates, type Action, type Plan } from '../api/use-cases';
import { StalePlanError } from '../model/plan-version';
import { ActionProgressForm } from './ActionProgressForm';
import type { CaseContext } from './case-context';

const NO_TEMPLATE = 'none';

function StartPlanForm({ context }: { context: CaseContext }) {
  const { t } = useTranslation();
  const templates = useTemplates(context.cellId);
  const start = useStartPlan(context.cellId, context.kase.id);
  const [template, setTemplate] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (template === '') {
      setError(t('cases.plan.templateMissing'));
      document.getElementById('plan-template-0')?.focus();
      return;
    }
    setError(undefined);
    start.mutate(template === NO_TEMPLATE ? null : template);
  }

  if (templates.isError) return <ProblemMessage error={templates.error} />;
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={start.isPending}>
      <RadioGroup
        id="plan-template"
        name="template"
        legend={t('cases.plan.template')}
        hint={t('cases.plan.templateHint')}
        error={error}
        choices={[
          ...(templates.data?.items ?? []).map((item) => ({
            value: item.id,
            label: item.name,
            hint: item.steps.map((step) => step.description).join(' · '),
          })),
          { value: NO_TEMPLATE, label: t('cases.plan.noTemplate') },
        ]}
        value={template}
        onChange={setTemplate}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={start.isPending || templates.isPending}>
          {t('cases.plan.start')}
        </button>
      </div>
      {start.isError && <ProblemMessage error={start.error} />}
    </form>
  );
}

function AddActionForm({ context }: { context: CaseContext }) {
  const { t } = useTranslation();
  const add = useAddAction(context.cellId, context.kase.id);
  const [description, setDescription] = useState('');
  const [organisation, setOrganisation] = useState(context.kase.referenceHolder);
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<{ description?: string; dueOn?: string }>({});
  const [added, setAdded] = useState('');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded('');
    const found: { description?: string; dueOn?: string } = {};
    if (description.trim() === '') found.description = t('cases.plan.descriptionMissing');
    if (dueOn === '') found.dueOn = t('cases.plan.dueOnMissing');
    setErrors(found);
    if (found.description !== undefined || found.dueOn !== undefined) {
      document.getElementById(found.description !== undefined ? 'action-new-description' : 'action-new-due')?.focus();
      return;
    }
    add.mutate(
      { description: description.trim(), organisation, dueOn },
      {
        onSuccess() {
          setDescription('');
          setDueOn('');
          setAdded(t('cases.plan.actionAdded'));
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="action-new-title">
      <h3 id="action-new-title">{t('cases.plan.addAction')}</h3>
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={add.isPending}>
        <PrivacyTextArea
          id="action-new-description"
          label={t('cases.plan.description')}
          hint={t('cases.plan.descriptionHint')}
          error={errors.description}
          value={description}
          rows={2}
          maxLength={1_000}
          onChange={setDescription}
        />
        <SelectField
          id="action-new-organisation"
          label={t('cases.plan.carrier')}
          hint={t('cases.plan.carrierHint')}
          value={organisation}
          onChange={(event) => {
            setOrganisation(event.target.value);
          }}
        >
          {context.kase.participants.map((id) => (
            <option key={id} value={id}>
              {context.organisationName(id)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="action-new-due"
          type="date"
          label={t('cases.plan.dueOn')}
          error={errors.dueOn}
          value={dueOn}
          min={isoDay()}
          className="field__input--short"
          onChange={(event) => {
            setDueOn(event.target.value);
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={add.isPending}>
            {t('cases.plan.addActionSubmit')}
          </button>
        </div>
        <p className="notice" role="status">
          {added}
        </p>
        {add.error instanceof StalePlanError ? (
          <div className="problem" role="alert">
            <p className="problem__detail">{t('cases.plan.stale')}</p>
          </div>
        ) : (
          add.isError && <ProblemMessage error={add.error} />
        )}
      </form>
    </section>
  );
}

export function ActionSummary({ action, carrier, personName }: { action: Action; carrier: string; personName: (id: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <p className="action__title">
        <strong>{action.description}</strong>
      </p>
      <p className="action__meta">
        {t('cases.plan.carriedBy', { organisation: carrier })} · {t('cases.plan.due', { date: format.day(action.dueOn) })} ·{' '}
        {t('cases.plan.statusIs', { status: t(`vocab.actionStatus.${action.status}`) })}
        {action.overdue && (
          <>
            {' '}
            <span className="badge badge--warning">
              <WarningIcon className="badge__icon" />
              {t('cases.plan.overdue')}
            </span>
          </>
        )}
      </p>
      {action.notes.length > 0 && (
        <ul className="notes" aria-label={t('cases.plan.notes')}>
          {action.notes.map((note) => (
            <li key={`${note.at}-${note.by}`}>
              <span className="muted">
                {format.instant(note.at)} · {personName(note.by)}:
              </span>{' '}
              {note.text}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function PlanView({ context, plan }: { context: CaseContext; plan: Plan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const active = context.kase.status === 'followUp' || context.kase.status === 'evaluation';
  return (
    <>
      <p>
        {t('cases.plan.startedOn', { date: format.day(plan.startedOn) })} {t('cases.plan.version', { version: plan.version })}
      </p>
      {plan.actions.length === 0 ? (
        <p>{t('cases.plan.noActions')}</p>
      ) : (
        <ul className="action-list">
          {plan.actions.map((action) => {
            const mayReport = active && (context.chair || context.myOrganisations.has(action.organisation));
            const open = action.status === 'open' || action.status === 'inProgress';
            return (
              <li key={action.id} className={action.overdue ? 'action action--overdue' : 'action'}>
                <ActionSummary action={action} carrier={context.organisationName(action.organisation)} personName={context.personName} />
                {mayReport && open && (
                  <details className="disclosure">
                    <summary>
                      {t('cases.plan.report')}
                      <span className="visually-hidden">: {action.description}</span>
                    </summary>
                    <ActionProgressForm cellId={context.cellId} caseId={context.kase.id} action={action} chair={context.chair} />
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {context.chair && active && <AddActionForm context={context} />}
    </>
  );
}

/** The personal follow-up plan (R-CASE-8): from a template, adapted, each action carried by a partner. */
export function PlanPanel({ context }: { context: CaseContext }) {
  const { t } = useTranslation();
  const { kase } = context;
  if (kase.plan !== null && kase.plan !== undefined) return <PlanView context={context} plan={kase.plan} />;
  const active = kase.status === 'followUp' || kase.status === 'evaluation';
  if (!active) return <p>{t('cases.plan.notYet')}</p>;
  return (
    <>
      <p>{t('cases.plan.intro')}</p>
      {context.chair ? <StartPlanForm context={context} /> : <p>{t('cases.plan.chairStarts')}</p>}
    </>
  );
}
