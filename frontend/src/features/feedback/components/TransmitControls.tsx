import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '@/api/errors';
import { ProblemMessage } from '@/components/ProblemMessage';

import { useTransmit } from '../api/use-feedback';
import type { PanelView } from '../model/panel';
import { shortHash } from '../model/status';
import { PdfDownload } from './PdfDownload';
import { SendIcon } from './icons';

interface TransmitControlsProps {
  formId: string;
  meetingId: string;
  caseCode: string;
  round: number;
  view: PanelView;
  informationOfficer: boolean;
}

/** Why a transmission was refused, in the guidance's words, under the server's own detail. */
function RefusalExplanation({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return null;
  if (error.rule === 'R-FB-3') return <p className="refusal__explain">{t('feedback.transmit.r3explain')}</p>;
  if (error.rule === 'R-FB-2') return <p className="refusal__explain">{t('feedback.transmit.r2explain')}</p>;
  return null;
}

/**
 * R-FB-3: only the information officer transmits, once every present member approved the current
 * version (R-FB-2); after that, the PDF for the LTF. Others read where things stand.
 */
export function TransmitControls({ formId, meetingId, caseCode, round, view, informationOfficer }: TransmitControlsProps) {
  const { t } = useTranslation();
  const transmit = useTransmit(formId, meetingId);
  const [confirming, setConfirming] = useState(false);

  if (view.transmitted) {
    return (
      <div className="transmit">
        <p className="transmit__done">
          <SendIcon className="transmit__icon" />
          {t('feedback.transmit.done', { version: view.version })}
        </p>
        {informationOfficer && <PdfDownload formId={formId} caseCode={caseCode} round={round} />}
      </div>
    );
  }
  return (
    <div className="transmit">
      {!informationOfficer ? (
        <p className="muted">{view.consensus ? t('feedback.transmit.waitingForOfficer') : t('feedback.transmit.onlyOfficer')}</p>
      ) : !view.consensus ? (
        <p className="muted">{t('feedback.transmit.needsConsensus')}</p>
      ) : confirming ? (
        <span className="confirm" role="group" aria-label={t('feedback.transmit.button')}>
          <span>{t('feedback.transmit.confirm', { version: view.version, hash: shortHash(view.versionHash) })}</span>
          <button
            type="button"
            className="button"
            disabled={transmit.isPending}
            onClick={() => {
              transmit.mutate(undefined, {
                onSettled() {
                  setConfirming(false);
                },
              });
            }}
          >
            {t('feedback.transmit.confirmButton')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setConfirming(false);
            }}
          >
            {t('common.cancel')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            transmit.reset();
            setConfirming(true);
          }}
        >
          <SendIcon className="button__icon" />
          {t('feedback.transmit.button')}
        </button>
      )}
      {transmit.isError && (
        <div className="refusal">
          <ProblemMessage error={transmit.error} />
          <RefusalExplanation error={transmit.error} />
        </div>
      )}
    </div>
  );
}
