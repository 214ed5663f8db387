import type { ComponentPropsWithRef, ReactNode } from 'react';

export interface SelectFieldProps extends Omit<ComponentPropsWithRef<'select'>, 'id'> {
  id: string;
  label: string;
  hint?: string | undefined;
  children: ReactNode;
}

export function SelectField({ id, label, hint, children, ...select }: SelectFieldProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <select {...select} id={id} className="field__input" aria-describedby={hintId}>
        {children}
      </select>
    </div>
  );
}
