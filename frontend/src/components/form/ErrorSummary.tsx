import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface FormError {
  /** The id of the input the error is about; the summary links to it. */
  fieldId?: string | undefined;
  message: string;
  /** The rule of the guidance that refused it (e.g. `R-PRIV-2`), shown as a tag. */
  rule?: string | undefined;
}

interface ErrorSummaryProps {
  errors: readonly FormError[];
  /** Changes on every failed submit, so focus returns to the summary each time. */
  attempt: number;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (field === null) return;
  event.preventDefault();
  field.scrollIntoView({ block: 'center' });
  field.focus();
}

/**
 * The errors of a form, above it, linked to their fields. It takes the focus when it appears, so
 * keyboard and screen-reader users hear at once what went wrong (GOV.UK's pattern).
 */
export function ErrorSummary({ errors, attempt }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const shown = errors.length > 0;

  useEffect(() => {
    if (shown) box.current?.focus();
  }, [shown, attempt]);

  if (!shown) return null;
  return (
    <div className="error-summary" ref={box} tabIndex={-1}>
      <div role="alert">
        <h2 className="error-summary__title">{t('form.errorSummary')}</h2>
        <ul className="error-summary__list">
        {errors.map((error, index) => (
          <li key={`${error.fieldId ?? ''}:${error.message}:${String(index)}`}>
            {error.fieldId === undefined ? (
              error.message
            ) : (
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  if (error.fieldId !== undefined) focusField(event, error.fieldId);
                }}
              >
                {error.message}
              </a>
            )}
            {error.rule !== undefined && (
              <>
                {' '}
                <span className="rule-tag">{t('problem.rule', { rule: error.rule })}</span>
              </>
            )}
          </li>
        ))}
        </ul>
      </div>
    </div>
  );
}
