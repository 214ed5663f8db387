import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id'> {
  id: string;
  label: string;
  hint?: string | undefined;
  /** The message of this field's error; ties it to the input with `aria-describedby`. */
  error?: string | undefined;
}

/** A labelled input with its hint and error, both read out with the field. */
export function TextField({ id, label, hint, error, className, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  const describedBy = [hintId, errorId].filter((part) => part !== undefined).join(' ');
  return (
    <div className={error === undefined ? 'field' : 'field field--error'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')}</span> {error}
        </p>
      )}
      <input
        {...input}
        id={id}
        className={className === undefined ? 'field__input' : `field__input ${className}`}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy === '' ? undefined : describedBy}
      />
    </div>
  );
}
