import type { ReactNode } from 'react';

import { FieldError } from './FieldError';

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string | undefined;
}

interface GroupProps {
  /** The id of the group: the error summary links to its first input, `${id}-0`. */
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  inline?: boolean;
  children: ReactNode;
}

/** A fieldset with its legend, hint and error: the frame of every radio and checkbox group. */
export function ChoiceFieldset({ id, legend, hint, error, inline = false, children }: GroupProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return (
    <fieldset
      className={error === undefined ? 'field fieldset' : 'field fieldset field--error'}
      aria-describedby={describedBy === '' ? undefined : describedBy}
    >
      <legend className="field__label">{legend}</legend>
      {hint !== undefined && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {errorId !== undefined && error !== undefined && <FieldError id={errorId} message={error} />}
      <div className={inline ? 'choices choices--inline' : 'choices'}>{children}</div>
    </fieldset>
  );
}

interface RadioGroupProps<T extends string> extends Omit<GroupProps, 'children'> {
  name: string;
  choices: readonly Choice<T>[];
  value: T | '';
  onChange: (value: T) => void;
}

/** Radio buttons in a fieldset; each option's input id is `${id}-${index}`. */
export function RadioGroup<T extends string>({
  name,
  choices,
  value,
  onChange,
  ...group
}: RadioGroupProps<T>) {
  return (
    <ChoiceFieldset {...group}>
      {choices.map((choice, index) => {
        const inputId = `${group.id}-${String(index)}`;
        const hintId = choice.hint === undefined ? undefined : `${inputId}-hint`;
        return (
          <div className="choice" key={choice.value}>
            <input
              id={inputId}
              type="radio"
              className="choice__input"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              aria-describedby={hintId}
              onChange={() => {
                onChange(choice.value);
              }}
            />
            <label className="choice__label" htmlFor={inputId}>
              {choice.label}
            </label>
            {choice.hint !== undefined && (
              <p className="choice__hint" id={hintId}>
                {choice.hint}
              </p>
            )}
          </div>
        );
      })}
    </ChoiceFieldset>
  );
}

interface CheckboxGroupProps<T extends string> extends Omit<GroupProps, 'children'> {
  name: string;
  choices: readonly Choice<T>[];
  values: readonly T[];
  onChange: (values: T[]) => void;
}

/** Checkboxes in a fieldset; each option's input id is `${id}-${index}`. */
export function CheckboxGroup<T extends string>({
  name,
  choices,
  values,
  onChange,
  ...group
}: CheckboxGroupProps<T>) {
  return (
    <ChoiceFieldset {...group}>
      {choices.map((choice, index) => {
        const inputId = `${group.id}-${String(index)}`;
        const checked = values.includes(choice.value);
        return (
          <div className="choice" key={choice.value}>
            <input
              id={inputId}
              type="checkbox"
              className="choice__input"
              name={name}
              value={choice.value}
              checked={checked}
              onChange={() => {
                onChange(
                  checked ? values.filter((v) => v !== choice.value) : [...values, choice.value],
                );
              }}
            />
            <label className="choice__label" htmlFor={inputId}>
              {choice.label}
            </label>
          </div>
        );
      })}
    </ChoiceFieldset>
  );
}
