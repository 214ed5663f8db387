import { useTranslation } from 'react-i18next';

import { CheckIcon } from '@/components/icons';

import type { FormStatus } from '../model/status';
import { PencilIcon, SendIcon } from './icons';

const STYLE: Record<FormStatus, string> = {
  draft: 'badge',
  consensusReached: 'badge badge--ok',
  transmitted: 'badge badge--accent',
};
const ICON = { draft: PencilIcon, consensusReached: CheckIcon, transmitted: SendIcon };

/** Where a form stands, in words with an icon (the colour only repeats it). */
export function FormStatusBadge({ status }: { status: FormStatus }) {
  const { t } = useTranslation();
  const Icon = ICON[status];
  return (
    <span className={STYLE[status]}>
      <Icon className="badge__icon" />
      {t(`vocab.formStatus.${status}`)}
    </span>
  );
}
