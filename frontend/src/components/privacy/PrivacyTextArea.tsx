import { useRef, type ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';

import { TextAreaField } from '../form';
import { CheckIcon, WarningIcon } from '../icons';
import { excerpt, toSpans, type Finding } from './privacy-spans';
import { usePrivacyCheck } from './use-privacy-check';

/** The findings of a refused submission (R-PRIV-2) for this field, with the text they were about. */
export interface Refusal {
  text: string;
  findings: Finding[];
}

interface PrivacyTextAreaProps extends Omit<ComponentPropsWithRef<'textarea'>, 'id' | 'value' | 'onChange'> {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  refusal?: Refusal | undefined;
}

/**
 * A free-text field with the privacy guard as a helper (R-PRIV-1, R-PRIV-2): while the user types,
 * it says whether the text looks like it holds an identifier, shows where (highlighted in an
 * excerpt) and can select that span in the field. The helper is tied to the field
 * (`aria-describedby`) and is a polite live region. It never blocks: the server decides.
 */
export function PrivacyTextArea({ id, label, hint, error, value, onChange, refusal, ...textarea }: PrivacyTextAreaProps) {
  const { t } = useTranslation();
  const check = usePrivacyCheck(value);
  const field = useRef<HTMLTextAreaElement>(null);
  const helperId = `${id}-privacy`;

  const shown = refusal?.text === value ? refusal : check.result;
  const spans = shown === null ? [] : toSpans(shown.text, shown.findings);
  const selectable = shown !== null && shown.text === value;

  return (
    <TextAreaField
      {...textarea}
      ref={field}
      id={id}
      label={label}
      hint={hint}
      error={error}
      value={value}
      describedByIds={[helperId]}
      onChange={(event) => {
        onChange(event.target.value);
      }}
      after={
        <div id={helperId} className="privacy-helper" aria-live="polite">
          {shown === null ? (
            check.failed && <p className="privacy-helper__note">{t('privacy.unavailable')}</p>
          ) : spans.length === 0 ? (
            <p className="privacy-helper__ok">
              <CheckIcon className="privacy-helper__icon" />
              {t('privacy.clear')}
            </p>
          ) : (
            <div className="privacy-helper__warning">
              <p className="privacy-helper__title">
                <WarningIcon className="privacy-helper__icon" />
                <strong>{t('privacy.found', { count: spans.length })}</strong>
              </p>
              <p>{t('privacy.explain')}</p>
              <ul className="privacy-helper__list">
                {spans.map((span) => (
                  <li key={`${String(span.start)}-${String(span.end)}`}>
                    <p>{[...new Set(span.findings.map((finding) => finding.detail))].join(' ')}</p>
                    <p className="privacy-helper__excerpt">
                      {excerpt(shown.text, span).map((part, index) =>
                        part.marked ? (
                          <mark key={index}>{part.text}</mark>
                        ) : (
                          <span key={index}>{part.text}</span>
                        ),
                      )}
                    </p>
                    {selectable && (
                      <button
                        type="button"
                        className="button-link"
                        onClick={() => {
                          field.current?.focus();
                          field.current?.setSelectionRange(span.start, span.end);
                        }}
                      >
                        {t('privacy.select')}
                        <span className="visually-hidden"> ({label})</span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      }
    />
  );
}
