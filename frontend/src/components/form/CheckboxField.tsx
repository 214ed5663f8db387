import type { ComponentPropsWithRef } from 'react';

import { describedBy } from './describedby';

export interface CheckboxFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id' | 'type'> {
  id: string;
  label: string;
  hint?: string | undefined;
  /** The id of an error shown elsewhere (a group's), read out with the box. */
  errorId?: string | undefined;
}

/** A checkbox with its label after it, and a hint read out with it. */
export function CheckboxField({ id, label, hint, errorId, ...input }: CheckboxFieldProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  return (
    <div className="choice">
      <input
        {...input}
        id={id}
        type="checkbox"
        className="choice__input"
        aria-describedby={describedBy(hintId, errorId)}
      />
      <label className="choice__label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <p className="choice__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
