import { useTranslation } from 'react-i18next';

import { ProblemMessage } from '@/components/ProblemMessage';
import { useDownload } from '@/components/use-download';

import { fetchTransmissionPdf } from '../api/use-feedback';

interface PdfDownloadProps {
  formId: string;
  caseCode: string;
  round: number;
}

/**
 * The transmitted form as the PDF for the LTF, for the information officer (R-FB-3). The call
 * needs the bearer token, so it is fetched and saved rather than linked. Every download is audited.
 */
export function PdfDownload({ formId, caseCode, round }: PdfDownloadProps) {
  const { t } = useTranslation();
  const { busy, saved, error, download } = useDownload(() =>
    fetchTransmissionPdf(formId, { caseCode, round }).then(({ blob, name }) => ({ name, content: blob })),
  );

  return (
    <div className="pdf-download no-print">
      <button type="button" className="button" onClick={download} disabled={busy}>
        {t('feedback.pdf.download')}
      </button>
      <p className="inline-status" role="status">
        {saved === null ? '' : t('feedback.pdf.saved', { file: saved })}
      </p>
      {error !== null && <ProblemMessage error={error} />}
    </div>
  );
}
