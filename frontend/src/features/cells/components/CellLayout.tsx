import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

import { ProblemMessage } from '@/components/ProblemMessage';

import { useCell } from '../api/use-cells';

function linkClass({ isActive }: { isActive: boolean }): string {
  return isActive ? 'sub-nav__link sub-nav__link--active' : 'sub-nav__link';
}

interface CellLayoutProps {
  cellId: string;
  manage: boolean;
  children: ReactNode;
}

/** The cell's name and the pages of its settings; who may manage it sees every page. */
export function CellLayout({ cellId, manage, children }: CellLayoutProps) {
  const { t } = useTranslation();
  const cell = useCell(cellId);
  const base = `/cells/${cellId}`;
  const links: { to: string; label: string; end?: boolean }[] = [
    { to: base, label: t('cells.nav.overview'), end: true },
    { to: `${base}/organisations`, label: t('cells.nav.organisations') },
    { to: `${base}/tables`, label: t('cells.nav.tables') },
    { to: `${base}/terms`, label: t('cells.nav.terms') },
    ...(manage
      ? [
          { to: `${base}/invitations`, label: t('cells.nav.invitations') },
          { to: `${base}/clients`, label: t('cells.nav.clients') },
        ]
      : []),
  ];
  return (
    <>
      <p className="breadcrumb">
        <NavLink to="/cells">{t('cells.list.title')}</NavLink>
      </p>
      <h1>{cell.data?.name ?? t('cells.cellTitle')}</h1>
      {cell.isError && <ProblemMessage error={cell.error} />}
      <nav className="sub-nav" aria-label={t('cells.nav.label')}>
        <ul className="sub-nav__list">
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end ?? false} className={linkClass}>
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}
