import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The browser tab and screen-reader page title: "<page> – Tafel", in the UI language. */
export function usePageTitle(pageTitle: string): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${pageTitle} – ${appName}`;
  }, [pageTitle, appName]);
}
