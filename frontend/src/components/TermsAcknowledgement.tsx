import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useFormat } from '@/i18n/format';

import { ProblemMessage } from './ProblemMessage';

interface TermsAcknowledgementProps {
  version: number;
  text: string;
  publishedAt: string;
  pending: boolean;
  error: unknown;
  onAcknowledge: () => void;
}

/**
 * R-PRIV-4: before seeing case content a member reads the cell's confidentiality terms and
 * acknowledges them. The button only becomes active once the box is ticked.
 */
export function TermsAcknowledgement({
  version,
  text,
  publishedAt,
  pending,
  error,
  onAcknowledge,
}: TermsAcknowledgementProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [agreed, setAgreed] = useState(false);
  const id = useId();
  return (
    <section className="panel terms-gate" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('terms.gateTitle')}</h2>
      <p>{t('terms.gateIntro')}</p>
      <p className="muted">{t('terms.version', { version, date: format.instant(publishedAt) })}</p>
      <div className="terms-text" id={`${id}-text`}>
        {text}
      </div>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (agreed) onAcknowledge();
        }}
      >
        <div className="choice">
          <input
            id={`${id}-agree`}
            type="checkbox"
            className="choice__input"
            checked={agreed}
            aria-describedby={`${id}-text`}
            onChange={(event) => {
              setAgreed(event.target.checked);
            }}
          />
          <label className="choice__label" htmlFor={`${id}-agree`}>
            {t('terms.agree', { version })}
          </label>
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={!agreed || pending}>
            {t('terms.acknowledge')}
          </button>
        </div>
      </form>
      {error !== null && error !== undefined && <ProblemMessage error={error} />}
    </section>
  );
}
