import type { ComponentPropsWithRef, ReactNode } from 'react';

import { describedBy } from './describedby';
import { FieldError } from './FieldError';

export interface TextAreaFieldProps extends Omit<ComponentPropsWithRef<'textarea'>, 'id'> {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Ids of further help the textarea is described by (e.g. the privacy helper's findings). */
  describedByIds?: readonly string[];
  /** Shown under the textarea (e.g. the privacy helper). */
  after?: ReactNode;
}

/** A labelled multi-line input with its hint and error, both read out with the field. */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  describedByIds = [],
  after,
  rows = 5,
  ...textarea
}: TextAreaFieldProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
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
      {errorId !== undefined && error !== undefined && <FieldError id={errorId} message={error} />}
      <textarea
        {...textarea}
        id={id}
        rows={rows}
        className="field__input field__input--area"
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(hintId, errorId, ...describedByIds)}
      />
      {after}
    </div>
  );
}
