import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { usePageTitle } from '@/components/use-page-title';

/** Welcome page; becomes the per-role home (cards of what needs the user today). */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <ul className="cards">
        <li className="card">
          <h2 className="card__title">{t('home.comingTitle')}</h2>
          <p>{t('home.comingBody')}</p>
        </li>
        <li className="card">
          <h2 className="card__title">{t('home.statusTitle')}</h2>
          <p>{t('home.statusBody')}</p>
          <p>
            <Link to="/status">{t('home.statusLink')}</Link>
          </p>
        </li>
      </ul>
    </>
  );
}
