import { useTranslation } from 'react-i18next';

import { ProblemMessage } from '@/components/ProblemMessage';
import { useDownload } from '@/components/use-download';

import { fetchEvidencePdf } from '../api/use-oversight';

/** The pack as the server prints it (PDF), fetched with the session's token and saved as it names it. */
export function EvidencePdfDownload({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const { busy, saved, error, download } = useDownload(() => fetchEvidencePdf(cellId));

  return (
    <div className="no-print">
      <div className="button-row">
        <button type="button" className="button" onClick={download} disabled={busy} aria-busy={busy}>
          {t('oversight.evidence.downloadPdf')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            window.print();
          }}
        >
          {t('oversight.evidence.print')}
        </button>
      </div>
      <p className="notice" role="status">
        {saved === null ? '' : t('oversight.evidence.pdfSaved', { file: saved })}
      </p>
      {error !== null && <ProblemMessage error={error} />}
    </div>
  );
}
