import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Check } from '@/components/Check';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { useEvidencePack, type EvidencePack as Pack } from '../api/use-oversight';
import { lastMonths } from '../model/months';
import { CadenceStatus } from './CadenceStatus';
import { EvidencePdfDownload } from './EvidencePdfDownload';
import { HeldPerMonthTable } from './HeldPerMonthTable';
import { Section, YesNo } from './EvidenceSection';
import { FeedbackEvidence } from './FeedbackEvidence';
import { Acknowledgements, Reads, Retention } from './PrivacyEvidence';

function Chain({ pack }: { pack: Pack }) {
  const { t } = useTranslation();
  return (
    <Section id="evidence-chain-title" title={t('oversight.evidence.chain.title')}>
      <ul className="checklist">
        {pack.chainIntact ? (
          <Check state="ok">{t('oversight.evidence.chain.intact', { length: pack.chainLength })}</Check>
        ) : (
          <Check state="problem">
            {t('oversight.evidence.chain.broken', { seq: pack.firstBrokenSeq ?? '?', length: pack.chainLength })}
          </Check>
        )}
      </ul>
      <p>
        {t('oversight.evidence.chain.head')}{' '}
        <code className="hash" translate="no">
          {pack.chainHead}
        </code>
      </p>
    </Section>
  );
}

function LegalBasis({ pack }: { pack: Pack }) {
  const { t } = useTranslation();
  const format = useFormat();
  const basis = pack.legalBasis ?? null;
  const decidedOn = basis?.decidedOn ?? null;
  return (
    <Section id="evidence-legal-title" title={t('oversight.evidence.legalBasis.title')}>
      <ul className="checklist">
        {basis === null ? (
          <Check state="problem">{t('oversight.evidence.legalBasis.none')}</Check>
        ) : (
          <Check state="ok">
            <strong>{t(`vocab.legalBasisKind.${basis.kind}`)}</strong>: {basis.reference}
            {decidedOn !== null && <> — {t('oversight.evidence.legalBasis.decidedOn', { date: format.day(decidedOn) })}</>}
          </Check>
        )}
      </ul>
    </Section>
  );
}

function Composition({ pack }: { pack: Pack }) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = t('oversight.evidence.composition.title');
  return (
    <Section id="evidence-composition-title" title={title}>
      {pack.composition.length === 0 ? (
        <p>{t('oversight.evidence.composition.none')}</p>
      ) : (
        <table className="table">
          <caption className="figure__caption">{t('oversight.evidence.composition.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('oversight.col.month')}</th>
              <th scope="col" className="numeric">
                {t('oversight.evidence.col.members')}
              </th>
              <th scope="col" className="numeric">
                {t('oversight.evidence.col.police')}
              </th>
              <th scope="col">{t('oversight.evidence.col.balanced')}</th>
              <th scope="col">{t('oversight.evidence.col.constituted')}</th>
            </tr>
          </thead>
          <tbody>
            {pack.composition.map((month) => (
              <tr key={month.month}>
                <th scope="row">{format.month(month.month)}</th>
                <td className="numeric">{format.number(month.members)}</td>
                <td className="numeric">{format.number(month.police)}</td>
                <td>
                  <YesNo
                    value={month.balanced}
                    yes={t('oversight.evidence.composition.balanced')}
                    no={t('oversight.evidence.composition.unbalanced')}
                  />
                </td>
                <td>
                  <YesNo
                    value={month.constituted}
                    yes={t('oversight.evidence.composition.constituted')}
                    no={t('oversight.evidence.composition.notConstituted')}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function Cadence({ pack }: { pack: Pack }) {
  const { t } = useTranslation();
  const months = lastMonths(pack.meetingsPerMonth, pack.computedAt);
  return (
    <Section id="evidence-cadence-title" title={t('oversight.evidence.cadence.title')}>
      <CadenceStatus cadence={pack.cadence} />
      <HeldPerMonthTable
        months={months}
        caption={t('oversight.evidence.cadence.caption')}
        className="figure__table--narrow"
      />
    </Section>
  );
}

/**
 * What a mayor, a DPO or an auditor signs off (R-AUD-1), computed at the audit chain head it
 * names: never case content. On screen, printable, and as the server's PDF.
 */
export function EvidencePack({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const evidence = useEvidencePack(cellId);

  if (evidence.isError) return <ProblemMessage error={evidence.error} />;
  if (evidence.data === undefined) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const pack = evidence.data;
  return (
    <div className="evidence">
      <p className="lead">
        <strong>{pack.cellName}</strong>{' '}
        {t('oversight.evidence.computedAt', { date: format.instant(pack.computedAt) })}
      </p>
      <EvidencePdfDownload cellId={cellId} />
      <p className="no-print">
        <Link to={`/cells/${cellId}/oversight`}>{t('oversight.dashboardLink')}</Link>
      </p>
      <Chain pack={pack} />
      <LegalBasis pack={pack} />
      <Composition pack={pack} />
      <Cadence pack={pack} />
      <FeedbackEvidence forms={pack.feedbackForms} />
      <Acknowledgements pack={pack} />
      <Reads pack={pack} />
      <Retention pack={pack} />
    </div>
  );
}
