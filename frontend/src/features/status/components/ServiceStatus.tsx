import { useTranslation } from 'react-i18next';

import { ApiError } from '@/api/errors';
import { CheckIcon, ClockIcon, CrossIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { useHealth } from '../api/use-health';

type Shown = 'checking' | 'UP' | 'DOWN';

/** The service's health in words and an icon (never colour alone), rechecked every minute. */
export function ServiceStatus() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, isPending, refetch, dataUpdatedAt, errorUpdatedAt } = useHealth();

  const failed = error !== null && errorUpdatedAt >= dataUpdatedAt;
  const shown: Shown = isPending ? 'checking' : failed ? 'DOWN' : (data ?? 'DOWN');
  const checkedAt = Math.max(dataUpdatedAt, errorUpdatedAt);

  let message: string;
  if (shown === 'checking') message = t('status.checking');
  else if (shown === 'UP') message = t('status.up');
  else if (failed) message = t('status.unreachable');
  else message = t('status.down');

  const Icon = shown === 'UP' ? CheckIcon : shown === 'DOWN' ? CrossIcon : ClockIcon;

  return (
    <div className="service-status">
      <div className={`status-panel status-panel--${shown.toLowerCase()}`} role="status">
        <Icon className="status-panel__icon" />
        <p className="status-panel__text">
          {shown !== 'checking' && <strong className="status-panel__code">{shown}</strong>}
          <span>{message}</span>
        </p>
      </div>
      {failed && error instanceof ApiError && <ProblemMessage error={error} />}
      {checkedAt > 0 && (
        <p className="muted">{t('status.checkedAt', { time: format.dateTime(new Date(checkedAt)) })}</p>
      )}
      <button type="button" className="button" onClick={() => void refetch()}>
        {t('status.recheck')}
      </button>
    </div>
  );
}
