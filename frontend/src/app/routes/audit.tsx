import { useTranslation } from 'react-i18next';

import { usePageTitle } from '@/components/use-page-title';
import { AnchorDownload, AuditEvents, ChainStatusPanel } from '@/features/audit';

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.intro')}</p>
      <div className="audit-overview">
        <ChainStatusPanel />
        <AnchorDownload />
      </div>
      <AuditEvents />
    </>
  );
}
