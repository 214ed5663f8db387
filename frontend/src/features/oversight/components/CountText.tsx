import { useTranslation } from 'react-i18next';

import { SUPPRESSED } from '../model/breakdown';

/** A figure as shown: `<5` is read out as words ("fewer than five"), not as a sign. */
export function CountText({ text, suppressed }: { text: string; suppressed: boolean }) {
  const { t } = useTranslation();
  if (!suppressed) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true">{SUPPRESSED}</span>
      <span className="visually-hidden">{t('oversight.suppressedSpoken')}</span>
    </>
  );
}
