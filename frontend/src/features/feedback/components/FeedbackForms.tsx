import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { useCreateForm, useFeedbackForm, useFeedbackForms, type FeedbackForm, type FeedbackSummary } from '../api/use-feedback';
import { emptyDraft } from '../model/content';
import { formStatus, shortHash } from '../model/status';
import { ApprovalRecord } from './ApprovalRecord';
import { FeedbackEditor } from './FeedbackEditor';
import { FeedbackSheet } from './FeedbackSheet';
import { FormEdit } from './FormEdit';
import { FormStatusBadge } from './FormStatusBadge';
import { PdfDownload } from './PdfDownload';
import { VersionHistory } from './VersionHistory';

/** What the case page tells the feedback tab. */
export interface FeedbackFormsProps {
  cellId: string;
  caseId: string;
  caseCode: string;
  /** Forms are drafted while the case is in follow-up or evaluation. */
  caseStatus: string;
  userId: string;
  chair: boolean;
  informationOfficer: boolean;
  personName: (userId: string) => string;
}

const OPEN_FOR_FEEDBACK = ['followUp', 'evaluation'];

function DraftForm({ caseId, round, onCreated }: { caseId: string; round: number; onCreated: (form: FeedbackForm) => void }) {
  const { t } = useTranslation();
  const create = useCreateForm(caseId);
  // The first form opens at once; a later round's waits for a click, under the one just sent.
  const [open, setOpen] = useState(round === 1);
  if (!open) {
    return (
      <p className="no-print">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setOpen(true);
            requestAnimationFrame(() => document.getElementById('feedback-new-title')?.focus());
          }}
        >
          {t('feedback.draft.start', { round })}
        </button>
      </p>
    );
  }
  return (
    <section className="panel" aria-labelledby="feedback-new-title">
      <h3 id="feedback-new-title" tabIndex={-1}>
        {t('feedback.draft.title', { round })}
      </h3>
      <FeedbackEditor
        initial={emptyDraft()}
        submitLabel={t('feedback.draft.save')}
        busy={create.isPending}
        onSave={(content) => create.mutateAsync(content).then(onCreated)}
        {...(round === 1
          ? {}
          : {
              onCancel: () => {
                setOpen(false);
              },
            })}
      />
    </section>
  );
}

function FormDetail({ summary, ...props }: FeedbackFormsProps & { summary: FeedbackSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const read = useFeedbackForm(summary.id);
  const [editing, setEditing] = useState(false);
  // What was just saved, for the version it made: a later change makes it stale.
  const [saved, setSaved] = useState<{ text: string; hash: string } | null>(null);
  const mayEdit = props.chair || props.informationOfficer;
  const titleId = `feedback-form-${summary.id}`;

  if (read.isError) return <ProblemMessage error={read.error} />;
  if (read.data === undefined) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const form = read.data;
  const status = formStatus(form);
  const transmitted = status === 'transmitted';

  return (
    <article className="feedback-form" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t('feedback.form.title', { round: form.round, code: form.caseCode })} <FormStatusBadge status={status} />
      </h3>
      <p>
        {t('feedback.form.version', {
          version: form.current.number,
          when: format.instant(form.current.createdAt),
          name: props.personName(form.current.createdBy),
        })}{' '}
        <span className="muted">
          {t('feedback.panel.fingerprint')} <code translate="no">{shortHash(form.current.hash)}</code>
        </span>
      </p>
      <p className="feedback-form__status">{t(`feedback.form.statusExplain.${status}`)}</p>
      <p className="inline-status" role="status">
        {saved !== null && saved.hash === form.current.hash ? saved.text : ''}
      </p>
      {editing ? (
        <FormEdit
          form={form}
          onCancel={() => {
            setEditing(false);
          }}
          onSaved={(changed) => {
            setEditing(false);
            setSaved({ text: t('feedback.edit.saved', { version: changed.current.number }), hash: changed.current.hash });
          }}
        />
      ) : (
        <>
          <div className="button-row no-print">
            {mayEdit && !transmitted && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setSaved(null);
                  setEditing(true);
                }}
              >
                {t('feedback.form.edit')}
              </button>
            )}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                window.print();
              }}
            >
              {t('feedback.form.print')}
            </button>
          </div>
          <FeedbackSheet content={form.current.content} level="h4" />
        </>
      )}
      {transmitted && props.informationOfficer && <PdfDownload formId={form.id} caseCode={form.caseCode} round={form.round} />}
      <ApprovalRecord
        cellId={props.cellId}
        form={form}
        userId={props.userId}
        informationOfficer={props.informationOfficer}
        personName={props.personName}
      />
      <VersionHistory key={form.current.number} formId={form.id} current={form.current.number} personName={props.personName} />
    </article>
  );
}

/**
 * The case's feedback forms to the LTF (R-FB-1 … R-FB-3), one per evaluation round: the chair or
 * the information officer drafts and edits it (each save a new version), the present members
 * approve it in a meeting, and the information officer transmits it and keeps the PDF.
 */
export function FeedbackForms(props: FeedbackFormsProps) {
  const { t } = useTranslation();
  const forms = useFeedbackForms(props.caseId);
  const [params, setParams] = useSearchParams();
  const mayEdit = props.chair || props.informationOfficer;

  if (forms.isError) return <ProblemMessage error={forms.error} />;
  if (forms.data === undefined) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const items = [...forms.data.items].sort((a, b) => b.round - a.round);
  const selected = items.find((form) => form.id === params.get('form')) ?? items[0];
  const open = items.some((form) => !form.transmitted);
  const mayDraft = mayEdit && !open && OPEN_FOR_FEEDBACK.includes(props.caseStatus);

  function select(formId: string) {
    const next = new URLSearchParams(params);
    next.set('form', formId);
    setParams(next, { replace: true });
  }

  return (
    <div className="feedback">
      <p className="lead">{t('feedback.intro')}</p>
      {items.length > 1 && (
        <nav aria-label={t('feedback.rounds')}>
          <ul className="rounds">
            {items.map((form) => (
              <li key={form.id}>
                <Link
                  to={`?tab=feedback&form=${form.id}`}
                  aria-current={form.id === selected?.id ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    select(form.id);
                  }}
                >
                  {t('feedback.round', { round: form.round })}
                </Link>{' '}
                <span className="muted">{form.transmitted ? t('vocab.formStatus.transmitted') : t('feedback.roundOpen')}</span>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {selected !== undefined && <FormDetail key={selected.id} summary={selected} {...props} />}
      {mayDraft && (
        <DraftForm
          caseId={props.caseId}
          round={items.length + 1}
          onCreated={(form) => {
            select(form.id);
          }}
        />
      )}
      {items.length === 0 && !mayDraft && (
        <p>{OPEN_FOR_FEEDBACK.includes(props.caseStatus) ? t('feedback.noneYet') : t('feedback.notInFollowUp')}</p>
      )}
    </div>
  );
}
