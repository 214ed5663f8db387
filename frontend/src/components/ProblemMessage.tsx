import { useTranslation } from 'react-i18next';

import { ApiError } from '@/api/errors';
import { useFormat } from '@/i18n/format';

interface ProblemMessageProps {
  error: unknown;
}

/**
 * Explains a failed call: the server's own localised `detail`, the rule that refused it, when to
 * try again, and the reference the helpdesk can find in the logs.
 */
export function ProblemMessage({ error }: ProblemMessageProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const problem = error instanceof ApiError ? error.problem : null;

  return (
    <div className="problem" role="alert">
      <p className="problem__detail">{problem?.detail ?? t('problem.generic')}</p>
      {problem?.rule !== undefined && (
        <p className="problem__rule">
          <span className="rule-tag">{t('problem.rule', { rule: problem.rule })}</span>
        </p>
      )}
      {problem?.retryAfterSec !== undefined && (
        <p>{t('problem.retryAfter', { when: format.inSeconds(problem.retryAfterSec) })}</p>
      )}
      {problem?.instance ? (
        <p className="problem__reference">
          {t('problem.reference', { instance: problem.instance })}
        </p>
      ) : null}
    </div>
  );
}
