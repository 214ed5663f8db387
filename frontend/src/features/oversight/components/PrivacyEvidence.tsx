import { useTranslation } from 'react-i18next';

import { Check } from '@/components/Check';
import { useFormat } from '@/i18n/format';

import type { EvidencePack as Pack } from '../api/use-oversight';
import { Section } from './EvidenceSection';

// The privacy part of the pack: who acknowledged the terms (R-PRIV-4), which organisations read
// case content, and what retention removed (R-PRIV-6).

export function Acknowledgements({ pack }: { pack: Pack }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section id="evidence-terms-title" title={t('oversight.evidence.terms.title')}>
      <p>{t('oversight.evidence.terms.version', { version: pack.termsVersion })}</p>
      <ul className="checklist">
        {pack.unacknowledged.length === 0 ? (
          <Check state="ok">{t('oversight.evidence.terms.everyone')}</Check>
        ) : (
          <Check state="warning">
            {t('oversight.evidence.terms.missing', { names: format.list(pack.unacknowledged) })}
          </Check>
        )}
      </ul>
      {pack.acknowledgements.length > 0 && (
        <table className="table">
          <caption className="figure__caption">{t('oversight.evidence.terms.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('oversight.evidence.col.member')}</th>
              <th scope="col" className="numeric">
                {t('oversight.evidence.col.version')}
              </th>
              <th scope="col">{t('oversight.evidence.col.at')}</th>
            </tr>
          </thead>
          <tbody>
            {pack.acknowledgements.map((acknowledgement) => (
              <tr key={`${acknowledgement.member}-${String(acknowledgement.version)}-${acknowledgement.at}`}>
                <th scope="row">{acknowledgement.member}</th>
                <td className="numeric">{acknowledgement.version}</td>
                <td>{format.instant(acknowledgement.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function Reads({ pack }: { pack: Pack }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reads = Object.entries(pack.readsByOrganisation);
  return (
    <Section id="evidence-reads-title" title={t('oversight.evidence.reads.title')}>
      <p>{t('oversight.evidence.reads.intro')}</p>
      {reads.length === 0 ? (
        <p>{t('oversight.evidence.reads.none')}</p>
      ) : (
        <table className="table figure__table--narrow">
          <caption className="figure__caption">{t('oversight.evidence.reads.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('oversight.evidence.col.organisation')}</th>
              <th scope="col" className="numeric">
                {t('oversight.evidence.col.reads')}
              </th>
            </tr>
          </thead>
          <tbody>
            {reads.map(([organisation, count]) => (
              <tr key={organisation}>
                <th scope="row">{organisation === '-' ? t('oversight.evidence.reads.noOrganisation') : organisation}</th>
                <td className="numeric">{format.number(count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function Retention({ pack }: { pack: Pack }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section id="evidence-retention-title" title={t('oversight.evidence.retention.title')}>
      <p>{t('oversight.evidence.retention.days', { days: format.number(pack.retentionDays) })}</p>
      <h3>{t('oversight.evidence.retention.runsTitle')}</h3>
      {pack.retentionRuns.length === 0 ? (
        <p>{t('oversight.evidence.retention.noRuns')}</p>
      ) : (
        <ul className="plain-list">
          {pack.retentionRuns.map((run) => (
            <li key={run}>{format.instant(run)}</li>
          ))}
        </ul>
      )}
      <h3>{t('oversight.evidence.retention.purgesTitle')}</h3>
      {pack.purges.length === 0 ? (
        <p>{t('oversight.evidence.retention.noPurges')}</p>
      ) : (
        <table className="table figure__table--narrow">
          <caption className="figure__caption">{t('oversight.evidence.retention.purgesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('oversight.evidence.col.day')}</th>
              <th scope="col" className="numeric">
                {t('oversight.evidence.col.cases')}
              </th>
            </tr>
          </thead>
          <tbody>
            {pack.purges.map((purge) => (
              <tr key={purge.day}>
                <th scope="row">{format.day(purge.day)}</th>
                <td className="numeric">{format.number(purge.cases)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
