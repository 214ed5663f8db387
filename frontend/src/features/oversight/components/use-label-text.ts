import { useTranslation } from 'react-i18next';

import type { LabelText } from '../model/labels';

/** A label of the figures in the UI language. */
export function useLabelText() {
  const { t } = useTranslation();
  return (label: LabelText): string => ('key' in label ? t(label.key) : label.text);
}
