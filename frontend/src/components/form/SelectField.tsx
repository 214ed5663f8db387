import type { ComponentPropsWithRef, ReactNode } from 'react';

import { describedBy } from './describedby';
import { FieldError } from './FieldError';

export interface SelectFieldProps extends Omit<ComponentPropsWithRef<'select'>, 'id'> {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Hide the label visually (it is still the select's accessible name). */
  hideLabel?: boolean;
  children: ReactNode;
}

export function SelectField({
  id,
  label,
  hint,
  error,
  hideLabel = false,
  children,
  className,
  ...select
}: SelectFieldProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  return (
    <div className={[error === undefined ? 'field' : 'field field--error', className].filter(Boolean).join(' ')}>
      <label className={hideLabel ? 'visually-hidden' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {errorId !== undefined && error !== undefined && <FieldError id={errorId} message={error} />}
      <select
        {...select}
        id={id}
        className="field__input"
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(hintId, errorId)}
      >
        {children}
      </select>
    </div>
  );
}
