import { useTranslation } from 'react-i18next';

import { TextField } from '@/components/form';

import { FIELD, type MunicipalityDraft } from '../model/wizard';

interface MunicipalitiesEditorProps {
  municipalities: MunicipalityDraft[];
  onChange: (municipalities: MunicipalityDraft[]) => void;
  fieldError: (fieldId: string) => string | undefined;
}

/** R-SCOPE-1: one municipality or several, each with its Statbel NIS code. */
export function MunicipalitiesEditor({ municipalities, onChange, fieldError }: MunicipalitiesEditorProps) {
  const { t } = useTranslation();

  function update(index: number, change: Partial<MunicipalityDraft>) {
    onChange(municipalities.map((m, i) => (i === index ? { ...m, ...change } : m)));
  }

  function add() {
    const key = Math.max(-1, ...municipalities.map((m) => m.key)) + 1;
    onChange([...municipalities, { key, nisCode: '', name: '' }]);
    // Focus the new row's first input once it is rendered.
    const index = municipalities.length;
    requestAnimationFrame(() => document.getElementById(FIELD.nisCode(index))?.focus());
  }

  function remove(index: number) {
    onChange(municipalities.filter((_, i) => i !== index));
  }

  const listError = fieldError(FIELD.municipalities);
  return (
    <div id={FIELD.municipalities} tabIndex={-1} className="municipalities">
      {listError !== undefined && <p className="field__error">{listError}</p>}
      {municipalities.map((municipality, index) => {
        const number = index + 1;
        return (
          <fieldset key={municipality.key} className="fieldset municipality">
            <legend className="field__label">{t('cells.municipalities.legend', { number })}</legend>
            <div className="municipality__fields">
              <TextField
                id={FIELD.nisCode(index)}
                label={t('cells.municipalities.nisCode')}
                hint={index === 0 ? t('cells.municipalities.nisCodeHint') : undefined}
                error={fieldError(FIELD.nisCode(index))}
                value={municipality.nisCode}
                inputMode="numeric"
                maxLength={5}
                autoComplete="off"
                className="field__input--short"
                onChange={(event) => {
                  update(index, { nisCode: event.target.value });
                }}
              />
              <TextField
                id={FIELD.municipalityName(index)}
                label={t('cells.municipalities.name')}
                error={fieldError(FIELD.municipalityName(index))}
                value={municipality.name}
                maxLength={120}
                autoComplete="off"
                onChange={(event) => {
                  update(index, { name: event.target.value });
                }}
              />
            </div>
            {municipalities.length > 1 && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  remove(index);
                }}
              >
                {t('cells.municipalities.remove', { number })}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" className="button button--secondary" onClick={add}>
        {t('cells.municipalities.add')}
      </button>
    </div>
  );
}
