import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorSummary, problemErrors, TextAreaField, useFormErrors } from '@/components/form';
import { CheckIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';
import { TermsAcknowledgement } from '@/components/TermsAcknowledgement';
import { useFormat } from '@/i18n/format';

import { useAcknowledgeTerms, useCell, usePublishTerms, useTables, type Cell } from '../api/use-cells';

function PublishForm({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  const publish = usePublishTerms(cell.id);
  const [text, setText] = useState(cell.confidentialityTerms?.text ?? '');
  const { errors, attempt, fail, clear, fieldError } = useFormErrors();
  const [published, setPublished] = useState('');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setPublished('');
    if (text.trim() === '') {
      fail([{ fieldId: 'terms-new', message: t('cells.wizard.issue.termsMissing') }]);
      return;
    }
    publish.mutate(text.trim(), {
      onSuccess(changed) {
        clear();
        setPublished(t('cells.terms.published', { version: changed.confidentialityTerms?.version ?? '' }));
      },
      onError(error) {
        fail(problemErrors(error, (name) => (name === 'text' ? 'terms-new' : undefined), t('problem.generic')));
      },
    });
  }

  return (
    <section className="panel" aria-labelledby="terms-publish-title">
      <h2 id="terms-publish-title">{t('cells.terms.publishTitle')}</h2>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={publish.isPending}>
        <TextAreaField
          id="terms-new"
          label={t('cells.terms.text')}
          hint={t('cells.terms.publishHint')}
          error={fieldError('terms-new')}
          value={text}
          rows={8}
          maxLength={20_000}
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={publish.isPending}>
            {t('cells.terms.publish')}
          </button>
        </div>
        <p className="notice" role="status">
          {published}
        </p>
      </form>
    </section>
  );
}

interface TermsPanelProps {
  cellId: string;
  manage: boolean;
  /** The signed-in user: a member of the cell acknowledges the current version here. */
  userId: string;
}

/** The confidentiality terms (R-PRIV-4): the current version, the member's acknowledgement, a new version. */
export function TermsPanel({ cellId, manage, userId }: TermsPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const cell = useCell(cellId);
  const tables = useTables(cellId);
  const acknowledge = useAcknowledgeTerms(cellId);
  const terms = cell.data?.confidentialityTerms;
  const mine = (tables.data?.items ?? []).flatMap((table) => table.members).filter((m) => m.user === userId);
  const mustAcknowledge = mine.length > 0 && mine.some((member) => !member.termsAcknowledged);

  return (
    <>
      {cell.isError && <ProblemMessage error={cell.error} />}
      {terms !== null && terms !== undefined && mustAcknowledge && (
        <TermsAcknowledgement
          version={terms.version}
          text={terms.text}
          publishedAt={terms.publishedAt}
          pending={acknowledge.isPending}
          error={acknowledge.error}
          onAcknowledge={() => {
            acknowledge.mutate(terms.version);
          }}
        />
      )}
      {terms !== null && terms !== undefined && !mustAcknowledge && (
        <section className="panel" aria-labelledby="terms-current-title">
          <h2 id="terms-current-title">{t('cells.terms.currentTitle')}</h2>
          <p className="muted">{t('terms.version', { version: terms.version, date: format.instant(terms.publishedAt) })}</p>
          {mine.length > 0 && (
            <p className="outcome outcome--success" role="status">
              <CheckIcon className="outcome__icon" />
              {t('cells.terms.youAcknowledged', { version: terms.version })}
            </p>
          )}
          <div className="terms-text">{terms.text}</div>
        </section>
      )}
      {cell.data !== undefined && (terms === null || terms === undefined) && <p>{t('cells.terms.none')}</p>}
      {manage && cell.data !== undefined && <PublishForm cell={cell.data} />}
    </>
  );
}
