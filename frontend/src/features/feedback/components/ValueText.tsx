import { useTranslation } from 'react-i18next';

import { displayValue, isKnownField, type FieldValue } from '../model/content';

/** A field's name in words (an unknown one as the server spells it). */
export function FieldLabel({ field }: { field: string }) {
  const { t } = useTranslation();
  return <>{isKnownField(field) ? t(`feedback.field.${field}`) : field}</>;
}

/** One value of a field in words: "3 – partial", "yes", "concern", the text itself. */
export function ValueText({ field, value }: { field: string; value: FieldValue }) {
  const { t } = useTranslation();
  const shown = displayValue(field, value);
  switch (shown.kind) {
    case 'score':
      return <>{t('feedback.scoreValue', { score: shown.score, label: t(`feedback.scale.${shown.criterion}.${shown.score}`) })}</>;
    case 'flag':
      return <>{shown.value ? t('feedback.yes') : t('feedback.no')}</>;
    case 'keyAssessment':
      return <>{t(`vocab.keyAssessment.${shown.value}`)}</>;
    case 'text':
      return <span className="feedback-text">{shown.value}</span>;
    case 'empty':
      return (
        <>
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">{t('feedback.empty')}</span>
        </>
      );
    case 'raw':
      return <>{shown.value}</>;
  }
}
