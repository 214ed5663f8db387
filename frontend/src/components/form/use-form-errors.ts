import { useCallback, useState } from 'react';

import { ApiError } from '@/api/errors';

import type { FormError } from './ErrorSummary';

/**
 * A form's errors and the attempt counter that moves the focus to the summary on every failure.
 * `fieldError(id)` gives the message to show at a field.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const fail = useCallback((list: FormError[]) => {
    setErrors(list);
    setAttempt((count) => count + 1);
  }, []);
  const clear = useCallback(() => {
    setErrors([]);
  }, []);
  const fieldError = useCallback(
    (fieldId: string) => {
      const found = errors.filter((error) => error.fieldId === fieldId).map((e) => e.message);
      return found.length === 0 ? undefined : found.join(' ');
    },
    [errors],
  );
  return { errors, attempt, fail, clear, fieldError };
}

/**
 * The errors of a refused call: each server issue at its field (when `fieldOf` knows it), the
 * problem's own detail and rule otherwise. `generic` is the text for a failure without detail.
 */
export function problemErrors(
  error: unknown,
  fieldOf: (name: string | undefined) => string | undefined,
  generic: string,
): FormError[] {
  if (!(error instanceof ApiError) || error.problem === null) return [{ message: generic }];
  const { problem } = error;
  const issues = problem.issues ?? [];
  if (issues.length === 0) {
    return [{ message: problem.detail, rule: problem.rule }];
  }
  return issues.map((issue) => ({
    fieldId: fieldOf(issue.name),
    message: issue.detail,
    rule: issue.rule ?? problem.rule,
  }));
}
