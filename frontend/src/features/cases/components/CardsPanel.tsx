import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { CheckboxField } from '@/components/form';
import { ProblemMessage } from '@/components/ProblemMessage';
import { PrivacyTextArea } from '@/components/privacy';
import { useFormat } from '@/i18n/format';

import { useAddCard } from '../api/use-cases';
import type { CaseContext } from './case-context';

function AddCardForm({ context }: { context: CaseContext }) {
  const { t } = useTranslation();
  const add = useAddCard(context.cellId, context.kase.id);
  const [text, setText] = useState('');
  const [attested, setAttested] = useState(false);
  const [errors, setErrors] = useState<{ text?: string; attested?: string }>({});
  const [added, setAdded] = useState('');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded('');
    const found: { text?: string; attested?: string } = {};
    if (text.trim() === '') found.text = t('cases.cards.textMissing');
    if (!attested) found.attested = t('cases.cards.attestMissing');
    setErrors(found);
    if (found.text !== undefined || found.attested !== undefined) {
      document.getElementById(found.text !== undefined ? 'card-text' : 'card-attest')?.focus();
      return;
    }
    add.mutate(
      { text: text.trim(), nonClassifiedAttested: attested },
      {
        onSuccess() {
          setText('');
          setAttested(false);
          setAdded(t('cases.cards.added'));
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="card-new-title">
      <h3 id="card-new-title">{t('cases.cards.addTitle')}</h3>
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={add.isPending}>
        <PrivacyTextArea
          id="card-text"
          label={t('cases.cards.text')}
          hint={t('cases.cards.textHint')}
          error={errors.text}
          value={text}
          maxLength={10_000}
          onChange={setText}
        />
        <div className={errors.attested === undefined ? 'field' : 'field field--error'}>
          {errors.attested !== undefined && (
            <p className="field__error" id="card-attest-error">
              {errors.attested}
            </p>
          )}
          <CheckboxField
            id="card-attest"
            label={t('cases.cards.attest')}
            errorId={errors.attested === undefined ? undefined : 'card-attest-error'}
            checked={attested}
            onChange={(event) => {
              setAttested(event.target.checked);
            }}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={add.isPending}>
            {t('cases.cards.add')}
          </button>
        </div>
        <p className="notice" role="status">
          {added}
        </p>
        {add.isError && <ProblemMessage error={add.error} />}
      </form>
    </section>
  );
}

/** OCAD information cards: non-classified only, added by the information officer alone (R-INFO-1), for this case only (R-INFO-2). */
export function CardsPanel({ context }: { context: CaseContext }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cards = context.kase.informationCards;
  return (
    <>
      <p>{t('cases.cards.intro')}</p>
      {cards.length === 0 ? (
        <p>{t('cases.cards.empty')}</p>
      ) : (
        <ul className="card-list">
          {cards.map((card) => (
            <li key={card.id} className="info-card">
              <p className="prose">{card.text}</p>
              <p className="muted">
                {t('cases.cards.addedAt', { date: format.instant(card.addedAt) })} · {t('cases.cards.purpose')}
                {card.nonClassifiedAttested && <> · {t('cases.cards.nonClassified')}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
      {context.informationOfficer ? (
        context.kase.status !== 'closed' && <AddCardForm context={context} />
      ) : (
        <p className="muted">{t('cases.cards.onlyOfficer')}</p>
      )}
    </>
  );
}
