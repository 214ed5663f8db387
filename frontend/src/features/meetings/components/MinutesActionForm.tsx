import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { SelectField, TextField } from '@/components/form';
import { PrivacyTextArea } from '@/components/privacy';
import { ProblemMessage } from '@/components/ProblemMessage';
import { isoDay } from '@/i18n/format';

import { useRecordAction, type AgendaItem, type Meeting, type Organisation } from '../api/use-meetings';

interface MinutesActionFormProps {
  meeting: Meeting;
  /** The item the action belongs to; `null` for an action outside the agenda. */
  item: AgendaItem | null;
  organisations: readonly Organisation[];
}

/** An action for the minutes: what, which organisation carries it, by when — no narrative. */
export function MinutesActionForm({ meeting, item, organisations }: MinutesActionFormProps) {
  const { t } = useTranslation();
  const record = useRecordAction(meeting.id);
  const prefix = `action-${item?.id ?? 'general'}`;
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState('');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone('');
    if (text.trim() === '') {
      setError(t('meetings.action.textMissing'));
      document.getElementById(`${prefix}-text`)?.focus();
      return;
    }
    setError(undefined);
    record.mutate(
      { text: text.trim(), owner: owner === '' ? null : owner, deadline: deadline === '' ? null : deadline, agendaItem: item?.id ?? null },
      {
        onSuccess() {
          setDone(t('meetings.action.done'));
          setText('');
          setOwner('');
          setDeadline('');
        },
      },
    );
  }

  return (
    <form className="form action-form" noValidate onSubmit={onSubmit} aria-busy={record.isPending}>
      <h4 className="decision-form__title">{t('meetings.action.title')}</h4>
      <PrivacyTextArea
        id={`${prefix}-text`}
        label={t('meetings.action.text')}
        hint={t('meetings.action.textHint')}
        error={error}
        value={text}
        rows={2}
        maxLength={1_000}
        onChange={setText}
      />
      <SelectField
        id={`${prefix}-owner`}
        label={t('meetings.action.owner')}
        value={owner}
        onChange={(event) => {
          setOwner(event.target.value);
        }}
      >
        <option value="">{t('meetings.action.noOwner')}</option>
        {organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${prefix}-deadline`}
        type="date"
        label={t('meetings.action.deadline')}
        value={deadline}
        min={isoDay()}
        className="field__input--short"
        onChange={(event) => {
          setDeadline(event.target.value);
        }}
      />
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={record.isPending}>
          {t('meetings.action.submit')}
        </button>
      </div>
      <p className="inline-status" role="status">
        {done}
      </p>
      {record.isError && <ProblemMessage error={record.error} />}
    </form>
  );
}
