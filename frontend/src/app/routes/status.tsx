import { useTranslation } from 'react-i18next';

import { usePageTitle } from '@/components/use-page-title';
import { ServiceStatus } from '@/features/status';

export function StatusPage() {
  const { t } = useTranslation();
  usePageTitle(t('status.title'));
  return (
    <>
      <h1>{t('status.title')}</h1>
      <p className="lead">{t('status.intro')}</p>
      <ServiceStatus />
    </>
  );
}
