import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '@/api/errors';
import { ErrorSummary, SelectField, TextField, type FormError } from '@/components/form';
import { AUTONYMS, changeLanguage, isLanguage, LANGUAGES, type Language } from '@/i18n';

import { useUpdateProfile, type Me } from '../api/use-me';

const FIELD = {
  displayName: 'profile-display-name',
  language: 'profile-language',
  organisation: 'profile-organisation',
  function: 'profile-function',
} as const;
const MAX_LENGTH = 200;

function fieldOf(name: string | undefined): string | undefined {
  if (name === 'displayName') return FIELD.displayName;
  if (name === 'organisation') return FIELD.organisation;
  if (name === 'function') return FIELD.function;
  return undefined;
}

/** Name, language, organisation and function. Saving the language also switches the UI. */
export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [language, setLanguage] = useState<Language>(me.language);
  const [organisation, setOrganisation] = useState(me.organisation);
  const [role, setRole] = useState(me.function);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);

  function fail(list: FormError[]) {
    setSaved(false);
    setErrors(list);
    setAttempt((count) => count + 1);
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (displayName.trim() === '') {
      fail([{ fieldId: FIELD.displayName, message: t('profile.displayNameMissing') }]);
      return;
    }
    setSaved(false);
    update.mutate(
      { displayName: displayName.trim(), language, organisation: organisation.trim(), function: role.trim() },
      {
        onSuccess(updated) {
          setErrors([]);
          setSaved(true);
          void changeLanguage(updated.language);
        },
        onError(error) {
          if (error instanceof ApiError && error.issues.length > 0) {
            fail(error.issues.map((issue) => ({ fieldId: fieldOf(issue.name), message: issue.detail })));
          } else {
            fail([{ message: error instanceof ApiError && error.detail !== undefined ? error.detail : t('problem.generic') }]);
          }
        },
      },
    );
  }

  const fieldError = (fieldId: string) =>
    errors.find((error) => error.fieldId === fieldId)?.message;

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={update.isPending}>
        <p className="field">
          <span className="field__label">{t('profile.email')}</span>{' '}
          <span className="field__value">{me.email}</span>
        </p>
        <TextField
          id={FIELD.displayName}
          name="displayName"
          label={t('profile.displayName')}
          error={fieldError(FIELD.displayName)}
          value={displayName}
          onChange={(event) => {
            setDisplayName(event.target.value);
          }}
          autoComplete="name"
          maxLength={MAX_LENGTH}
        />
        <SelectField
          id={FIELD.language}
          name="language"
          label={t('profile.language')}
          hint={t('profile.languageHint')}
          value={language}
          onChange={(event) => {
            if (isLanguage(event.target.value)) setLanguage(event.target.value);
          }}
        >
          {LANGUAGES.map((option) => (
            <option key={option} value={option} lang={option}>
              {AUTONYMS[option]}
            </option>
          ))}
        </SelectField>
        <TextField
          id={FIELD.organisation}
          name="organisation"
          label={t('profile.organisation')}
          error={fieldError(FIELD.organisation)}
          value={organisation}
          onChange={(event) => {
            setOrganisation(event.target.value);
          }}
          autoComplete="organization"
          maxLength={MAX_LENGTH}
        />
        <TextField
          id={FIELD.function}
          name="function"
          label={t('profile.function')}
          error={fieldError(FIELD.function)}
          value={role}
          onChange={(event) => {
            setRole(event.target.value);
          }}
          autoComplete="organization-title"
          maxLength={MAX_LENGTH}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {t('profile.save')}
          </button>
        </div>
        <p className="notice" role="status">
          {saved ? t('profile.saved') : ''}
        </p>
      </form>
    </>
  );
}
