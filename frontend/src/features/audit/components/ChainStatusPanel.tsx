import { useTranslation } from 'react-i18next';

import { CheckIcon, ClockIcon, CrossIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';

import { useChainVerification, type ChainStatus } from '../api/use-audit';

export function useChainLabel() {
  const { t } = useTranslation();
  return (chain: string) =>
    chain === 'platform' ? t('audit.chainPlatform') : t('audit.chainCell', { cell: chain });
}

function ChainLine({ chain }: { chain: ChainStatus }) {
  const { t } = useTranslation();
  const label = useChainLabel();
  const Icon = chain.intact ? CheckIcon : CrossIcon;
  return (
    <li className={chain.intact ? 'chain chain--intact' : 'chain chain--broken'}>
      <Icon className="chain__icon" />
      <div>
        <p className="chain__state">
          <strong>{label(chain.chain)}</strong>{' '}
          {chain.intact
            ? t('audit.chainIntact', { length: chain.length })
            : t('audit.chainBroken', { seq: chain.firstBrokenSeq ?? '?' })}
        </p>
        {!chain.intact && typeof chain.reason === 'string' && (
          <p className="chain__reason">{t('audit.chainReason', { reason: chain.reason })}</p>
        )}
        {chain.headHash !== '' && (
          <p className="chain__hash">
            {t('audit.headHash')} <code translate="no">{chain.headHash}</code>
          </p>
        )}
      </div>
    </li>
  );
}

/** Whether every audit chain still hashes to its links: in words and with an icon. */
export function ChainStatusPanel() {
  const { t } = useTranslation();
  const verification = useChainVerification();
  const { data } = verification;

  const state = data === undefined ? 'checking' : data.intact ? 'up' : 'down';
  const Icon = state === 'up' ? CheckIcon : state === 'down' ? CrossIcon : ClockIcon;
  const message =
    state === 'checking'
      ? t('audit.chainsChecking')
      : state === 'up'
        ? t('audit.allIntact')
        : t('audit.someBroken');

  return (
    <section className="panel" aria-labelledby="chains-title">
      <h2 id="chains-title">{t('audit.chainsTitle')}</h2>
      {verification.isError ? (
        <ProblemMessage error={verification.error} />
      ) : (
        <div className={`status-panel status-panel--${state}`} role="status">
          <Icon className="status-panel__icon" />
          <p className="status-panel__text">{message}</p>
        </div>
      )}
      {data !== undefined && data.chains.length > 0 && (
        <ul className="chain-list">
          {data.chains.map((chain) => (
            <ChainLine key={chain.chain} chain={chain} />
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void verification.refetch()}
        disabled={verification.isFetching}
      >
        {t('audit.verifyAgain')}
      </button>
    </section>
  );
}
