import { useTranslation } from 'react-i18next';

import { ProblemMessage } from '@/components/ProblemMessage';
import { useDownload } from '@/components/use-download';

import { fetchAnchor } from '../api/use-audit';

/** `tafel-audit-anchor-2026-05-01T10-00-00Z.json`: sortable, and valid on every file system. */
export function anchorFileName(issuedAt: string): string {
  return `tafel-audit-anchor-${issuedAt.replace(/[:.]/g, '-')}.json`;
}

/** The chain heads signed by Tafel, saved as a JSON file to keep outside Tafel. */
export function AnchorDownload() {
  const { t } = useTranslation();
  const { busy, saved, error, download } = useDownload(() =>
    fetchAnchor().then((anchor) => ({
      name: anchorFileName(anchor.issuedAt),
      content: new Blob([`${JSON.stringify(anchor, null, 2)}\n`], { type: 'application/json' }),
    })),
  );

  return (
    <section className="panel" aria-labelledby="anchor-title">
      <h2 id="anchor-title">{t('audit.anchorTitle')}</h2>
      <p>{t('audit.anchorBody')}</p>
      <button type="button" className="button" onClick={download} disabled={busy}>
        {t('audit.anchorDownload')}
      </button>
      <p className="notice" role="status">
        {saved === null ? '' : t('audit.anchorSaved', { file: saved })}
      </p>
      {error !== null && <ProblemMessage error={error} />}
    </section>
  );
}
