import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

import { usePageTitle } from '@/components/use-page-title';
import { Loading, PasswordChangeForm, ProfileForm, sitsAtTable, useMe } from '@/features/auth';

// The personal calendar link comes with the meetings chunk.
const ProfileCalendar = lazy(() => import('./meetings-widgets').then((m) => ({ default: m.ProfileCalendar })));

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('profile.title'));
  return (
    <>
      <h1>{t('profile.title')}</h1>
      <p className="lead">{t('profile.intro')}</p>
      <section className="panel" aria-labelledby="profile-details">
        <h2 id="profile-details">{t('profile.detailsTitle')}</h2>
        {me.data === undefined ? <Loading /> : <ProfileForm me={me.data} />}
      </section>
      <section className="panel" aria-labelledby="profile-password">
        <h2 id="profile-password">{t('password.title')}</h2>
        <PasswordChangeForm />
      </section>
      {me.data !== undefined && sitsAtTable(me.data) && (
        <Suspense fallback={<Loading />}>
          <ProfileCalendar />
        </Suspense>
      )}
    </>
  );
}
