import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { StaleFormError, useEditForm, useFeedbackForm, type FeedbackForm } from '../api/use-feedback';
import { diffContent, draftOf, type FeedbackContent } from '../model/content';
import { ComparisonTable } from './ComparisonTable';
import { FeedbackEditor } from './FeedbackEditor';

interface FormEditProps {
  form: FeedbackForm;
  onSaved: (form: FeedbackForm) => void;
  onCancel: () => void;
}

/**
 * A new version of the form, sent with `If-Match` naming the version the editing started from.
 * When someone else saved a newer version meanwhile (412), the user's changes stay in the editor:
 * they compare them with the newest version, then keep theirs (saved on top of it) or load the
 * newest one. Saving voids every approval given so far (R-FB-2), so the editor says so first.
 */
export function FormEdit({ form, onSaved, onCancel }: FormEditProps) {
  const { t } = useTranslation();
  const edit = useEditForm(form.id);
  const latest = useFeedbackForm(form.id);
  // The version the user is editing: the one read when editing started, until they choose another.
  const [basedOn, setBasedOn] = useState(form.current);
  const [reloads, setReloads] = useState(0);
  const [initial, setInitial] = useState(() => draftOf(form.current.content));
  const [attempt, setAttempt] = useState<FeedbackContent | null>(null);
  const [comparing, setComparing] = useState(false);

  const current = latest.data?.current;
  // A newer version than the one edited, once the refusal said so and the form was read again.
  const newest = edit.error instanceof StaleFormError && current !== undefined && current.hash !== basedOn.hash ? current : null;

  function save(content: FeedbackContent) {
    setAttempt(content);
    setComparing(false);
    return edit.mutateAsync({ content, basedOn: basedOn.hash }).then(onSaved);
  }

  const notice = newest !== null && attempt !== null && (
    <div className="problem stale-notice" role="alert">
      <p className="problem__detail">{t('feedback.edit.stale', { version: newest.number })}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setComparing((open) => !open);
          }}
          aria-expanded={comparing}
        >
          {t('feedback.edit.compare', { version: newest.number })}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setBasedOn(newest);
            edit.reset();
          }}
        >
          {t('feedback.edit.keepMine', { version: newest.number })}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setBasedOn(newest);
            setInitial(draftOf(newest.content));
            setReloads((count) => count + 1);
            edit.reset();
          }}
        >
          {t('feedback.edit.loadNewest', { version: newest.number })}
        </button>
      </div>
      {comparing && (
        <ComparisonTable
          changes={diffContent(newest.content, attempt)}
          caption={t('feedback.edit.compareCaption', { version: newest.number })}
          before={t('feedback.compare.version', { version: newest.number })}
          after={t('feedback.edit.yours')}
        />
      )}
    </div>
  );

  return (
    <>
      <p className="guide">{t('feedback.edit.voids')}</p>
      <p className="muted">{t('feedback.edit.basedOn', { version: basedOn.number })}</p>
      <FeedbackEditor
        key={reloads}
        initial={initial}
        submitLabel={t('feedback.edit.save')}
        busy={edit.isPending}
        onSave={save}
        explainedElsewhere={(error) => error instanceof StaleFormError}
        onCancel={onCancel}
        notice={notice}
      />
    </>
  );
}
