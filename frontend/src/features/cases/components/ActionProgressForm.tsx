import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '@/api/errors';
import { SelectField } from '@/components/form';
import { ProblemMessage } from '@/components/ProblemMessage';
import { PrivacyTextArea } from '@/components/privacy';

import { useUpdateAction, type Action, type ActionStatus } from '../api/use-cases';
import { StalePlanError } from '../model/plan-version';

const STATUSES: readonly ActionStatus[] = ['open', 'inProgress', 'done', 'cancelled'];

interface ActionProgressFormProps {
  cellId: string;
  caseId: string;
  action: Action;
  /** The chair may also cancel an action. */
  chair: boolean;
  onSaved?: (action: Action) => void;
}

/**
 * The carrying partner reports progress: a status and a note (with the privacy helper). The change
 * names the plan version it starts from; when someone else changed the plan meanwhile the plan is
 * reloaded and the form says so (412).
 */
export function ActionProgressForm({ cellId, caseId, action, chair, onSaved }: ActionProgressFormProps) {
  const { t } = useTranslation();
  const update = useUpdateAction(cellId, caseId);
  const [status, setStatus] = useState<ActionStatus>(action.status === 'open' ? 'inProgress' : action.status);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState('');
  const id = `action-${action.id}`;
  const choices = STATUSES.filter((value) => chair || value !== 'cancelled');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved('');
    setNoteError(undefined);
    if (status === action.status && note.trim() === '') {
      setNoteError(t('cases.plan.nothingToSave'));
      document.getElementById(`${id}-note`)?.focus();
      return;
    }
    update.mutate(
      {
        actionId: action.id,
        change: {
          ...(status === action.status ? {} : { status }),
          ...(note.trim() === '' ? {} : { note: note.trim() }),
        },
      },
      {
        onSuccess(plan) {
          setNote('');
          const changed = plan.actions.find((candidate) => candidate.id === action.id);
          setSaved(t('cases.plan.progressSaved', { status: t(`vocab.actionStatus.${changed?.status ?? status}`) }));
          if (changed !== undefined) onSaved?.(changed);
        },
        onError(error) {
          if (error instanceof ApiError) {
            const issue = error.issues.find((candidate) => candidate.name === 'note');
            if (issue !== undefined) setNoteError(issue.detail);
          }
        },
      },
    );
  }

  return (
    <form className="form action-form" noValidate onSubmit={onSubmit} aria-label={t('cases.plan.progressFor', { action: action.description })}>
      <SelectField
        id={`${id}-status`}
        label={t('cases.plan.status')}
        value={status}
        onChange={(event) => {
          const value = STATUSES.find((candidate) => candidate === event.target.value);
          if (value !== undefined) setStatus(value);
        }}
      >
        {choices.map((value) => (
          <option key={value} value={value}>
            {t(`vocab.actionStatus.${value}`)}
          </option>
        ))}
      </SelectField>
      <PrivacyTextArea
        id={`${id}-note`}
        label={t('cases.plan.note')}
        hint={t('cases.plan.noteHint')}
        error={noteError}
        value={note}
        rows={3}
        maxLength={5_000}
        onChange={setNote}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {t('cases.plan.saveProgress')}
        </button>
      </div>
      <p className="notice" role="status">
        {saved}
      </p>
      {update.error instanceof StalePlanError ? (
        <div className="problem" role="alert">
          <p className="problem__detail">{t('cases.plan.stale')}</p>
        </div>
      ) : (
        update.isError && noteError === undefined && <ProblemMessage error={update.error} />
      )}
    </form>
  );
}
