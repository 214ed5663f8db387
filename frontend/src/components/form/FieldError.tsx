import { useTranslation } from 'react-i18next';

/** An error under a label, read out with its field ("Error: …"). */
export function FieldError({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation();
  return (
    <p className="field__error" id={id}>
      <span className="visually-hidden">{t('form.errorPrefix')}</span> {message}
    </p>
  );
}
