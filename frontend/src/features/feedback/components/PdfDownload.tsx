import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ProblemMessage } from '@/components/ProblemMessage';

import { fetchTransmissionPdf } from '../api/use-feedback';

function saveAsFile(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

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
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  function download() {
    setBusy(true);
    setError(null);
    setSaved(null);
    fetchTransmissionPdf(formId, { caseCode, round })
      .then(({ blob, name }) => {
        saveAsFile(name, blob);
        setSaved(name);
      })
      .catch((reason: unknown) => {
        setError(reason);
      })
      .finally(() => {
        setBusy(false);
      });
  }

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
