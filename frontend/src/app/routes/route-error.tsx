import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

import { ProblemMessage } from '@/components/ProblemMessage';
import { usePageTitle } from '@/components/use-page-title';

/** A page that failed to render: say so inside the layout, without internals. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  usePageTitle(t('problem.title'));
  return (
    <>
      <h1>{t('problem.title')}</h1>
      <ProblemMessage error={error} />
    </>
  );
}
