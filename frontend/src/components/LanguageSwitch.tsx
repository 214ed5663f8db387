import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { AUTONYMS, changeLanguage, currentLanguage, isLanguage, LANGUAGES } from '@/i18n';

/** A labelled select: every language is named in itself and marked with its `lang`. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const id = useId();

  function onChange(event: ChangeEvent<HTMLSelectElement>) {
    const { value } = event.target;
    if (isLanguage(value)) void changeLanguage(value);
  }

  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={currentLanguage()} onChange={onChange}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {AUTONYMS[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
