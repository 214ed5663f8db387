import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';

import { TableIcon } from '@/components/icons';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import {
  canAudit,
  canManageCells,
  canOversee,
  Loading,
  SessionWatcher,
  sitsAtTable,
  useMe,
  useSession,
  UserMenu,
  worksOnCases,
} from '@/features/auth';

function navLinkClass({ isActive }: { isActive: boolean }): string {
  return isActive ? 'site-nav__link site-nav__link--active' : 'site-nav__link';
}

type Section = 'cases' | 'myActions' | 'meetings' | 'oversight' | 'cells';

/**
 * Case work, meetings and oversight live under their cell (`/cells/:id/cases`,
 * `/cells/:id/meetings`, `/cells/:id/oversight`), so the menu works out which entry is active.
 */
function section(pathname: string): Section | null {
  if (/^\/cells\/[^/]+\/cases(\/|$)/.test(pathname) || pathname === '/cases') return 'cases';
  if (/^\/cells\/[^/]+\/my-actions$/.test(pathname) || pathname === '/my-actions') return 'myActions';
  if (/^\/cells\/[^/]+\/meetings(\/|$)/.test(pathname) || /^\/meetings(\/|$)/.test(pathname)) return 'meetings';
  if (/^\/cells\/[^/]+\/(oversight|evidence)$/.test(pathname) || pathname === '/oversight') return 'oversight';
  if (pathname === '/cells' || pathname.startsWith('/cells/')) return 'cells';
  return null;
}

function MainNavigation() {
  const { t } = useTranslation();
  const { status } = useSession();
  const me = useMe();
  const { pathname } = useLocation();
  const signedIn = status === 'signedIn';
  const current = section(pathname);
  const sectionClass = (name: Section) =>
    current === name ? 'site-nav__link site-nav__link--active' : 'site-nav__link';
  const sectionCurrent = (name: Section) => (current === name ? 'page' : undefined);
  return (
    <nav className="site-nav" aria-label={t('nav.label')}>
      <ul className="container site-nav__list">
        {signedIn && (
          <li>
            <NavLink to="/" end className={navLinkClass}>
              {t('nav.home')}
            </NavLink>
          </li>
        )}
        {signedIn && me.data !== undefined && worksOnCases(me.data) && (
          <>
            <li>
              <Link to="/cases" className={sectionClass('cases')} aria-current={sectionCurrent('cases')}>
                {t('nav.cases')}
              </Link>
            </li>
            <li>
              <Link to="/my-actions" className={sectionClass('myActions')} aria-current={sectionCurrent('myActions')}>
                {t('nav.myActions')}
              </Link>
            </li>
          </>
        )}
        {signedIn && me.data !== undefined && sitsAtTable(me.data) && (
          <li>
            <Link to="/meetings" className={sectionClass('meetings')} aria-current={sectionCurrent('meetings')}>
              {t('nav.meetings')}
            </Link>
          </li>
        )}
        {signedIn && me.data !== undefined && canOversee(me.data) && (
          <li>
            <Link to="/oversight" className={sectionClass('oversight')} aria-current={sectionCurrent('oversight')}>
              {t('nav.oversight')}
            </Link>
          </li>
        )}
        {signedIn && me.data !== undefined && canManageCells(me.data) && (
          <li>
            <Link to="/cells" className={sectionClass('cells')} aria-current={sectionCurrent('cells')}>
              {t('nav.cells')}
            </Link>
          </li>
        )}
        {signedIn && me.data !== undefined && canAudit(me.data) && (
          <li>
            <NavLink to="/audit" className={navLinkClass}>
              {t('nav.audit')}
            </NavLink>
          </li>
        )}
        {signedIn && (
          <li>
            <NavLink to="/profile" className={navLinkClass}>
              {t('nav.profile')}
            </NavLink>
          </li>
        )}
        <li>
          <NavLink to="/status" className={navLinkClass}>
            {t('nav.status')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** Landmarks (header, nav, main, footer), the skip link first, focus moved on navigation. */
export function AppLayout() {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);

  useEffect(() => {
    // After a client-side navigation a screen reader would otherwise stay on the old link.
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    main.current?.focus();
  }, [pathname]);

  return (
    <>
      <SessionWatcher />
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="site-header">
        <div className="container site-header__bar">
          <Link to="/" className="brand">
            <TableIcon className="brand__logo" />
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </Link>
          <div className="site-header__tools">
            <UserMenu />
            <LanguageSwitch />
          </div>
        </div>
        <MainNavigation />
      </header>
      <main id="main" className="site-main" tabIndex={-1} ref={main}>
        <div className="container">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.privacy')}</p>
          <p>{t('footer.legal')}</p>
        </div>
      </footer>
    </>
  );
}
