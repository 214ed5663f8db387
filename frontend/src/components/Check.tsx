import type { ReactNode } from 'react';

import { CheckIcon, CrossIcon, WarningIcon } from './icons';

export type CheckState = 'ok' | 'problem' | 'warning';

interface CheckProps {
  state: CheckState;
  children: ReactNode;
  /** A further explanation under the line (what is missing, which rule). */
  detail?: ReactNode;
}

/**
 * One line of a checklist: an icon for the eye and words for everyone — the text alone says
 * whether it is in order ("constituted" / "not constituted"), never the colour or the icon.
 */
export function Check({ state, children, detail }: CheckProps) {
  const Icon = state === 'ok' ? CheckIcon : state === 'problem' ? CrossIcon : WarningIcon;
  return (
    <li className={`check check--${state}`}>
      <Icon className="check__icon" />
      <div className="check__body">
        <p className="check__text">{children}</p>
        {detail !== undefined && <div className="check__detail">{detail}</div>}
      </div>
    </li>
  );
}
