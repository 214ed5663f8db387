import { useTranslation } from 'react-i18next';

import { usePageTitle } from '@/components/use-page-title';
import { PasswordChangeForm } from '@/features/auth';

/** Where a user with a one-time password is held until they chose their own. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('password.title'));
  return (
    <div className="narrow">
      <h1>{t('password.title')}</h1>
      <p className="lead">{t('password.requiredIntro')}</p>
      <PasswordChangeForm />
    </div>
  );
}
