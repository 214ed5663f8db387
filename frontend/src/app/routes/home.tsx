import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { usePageTitle } from '@/components/use-page-title';
import {
  canAudit,
  canManageCells,
  heldRoles,
  isPlatformAdministrator,
  operationalCellIds,
  sitsAtTable,
  useMe,
  type CellRole,
  type Me,
  type PlatformRole,
} from '@/features/auth';

type Role = PlatformRole | CellRole;

// The meeting cards (cadence, requests, next meetings) come with the meetings chunk.
const HomeMeetings = lazy(() => import('./meetings-widgets').then((m) => ({ default: m.HomeMeetings })));

function useRoleName() {
  const { t } = useTranslation();
  const names: Record<Role, string> = {
    platformAdministrator: t('roles.platformAdministrator'),
    auditor: t('roles.auditor'),
    operationalChair: t('roles.operationalChair'),
    strategicChair: t('roles.strategicChair'),
    informationOfficer: t('roles.informationOfficer'),
    operationalMember: t('roles.operationalMember'),
    strategicMember: t('roles.strategicMember'),
  };
  return (role: Role) => names[role];
}

interface CardProps {
  title: string;
  children: ReactNode;
}

function Card({ title, children }: CardProps) {
  return (
    <li className="card">
      <h2 className="card__title">{title}</h2>
      {children}
    </li>
  );
}

function RoleCards({ me }: { me: Me }) {
  const { t } = useTranslation();
  const administrator = isPlatformAdministrator(me);
  const caseCells = operationalCellIds(me);
  const [onlyCell] = caseCells;
  return (
    <ul className="cards">
      {caseCells.length > 0 && (
        <Card title={t('home.casesTitle')}>
          <p>{t('home.casesBody')}</p>
          <ul className="link-list">
            <li>
              <Link to="/cases">{t('home.casesLink')}</Link>
            </li>
            <li>
              <Link to={caseCells.length === 1 && onlyCell !== undefined ? `/cells/${onlyCell}/cases/new` : '/cases'}>
                {t('home.submitLink')}
              </Link>
            </li>
            <li>
              <Link to="/my-actions">{t('home.myActionsLink')}</Link>
            </li>
          </ul>
        </Card>
      )}
      {administrator && (
        <Card title={t('home.adminTitle')}>
          <p>{t('home.adminBody')}</p>
          <ul className="link-list">
            <li>
              <Link to="/cells">{t('home.cellsLink')}</Link>
            </li>
            <li>
              <Link to="/cells/new">{t('home.newCellLink')}</Link>
            </li>
          </ul>
        </Card>
      )}
      {!administrator && canManageCells(me) && (
        <Card title={t('home.chairTitle')}>
          <p>{t('home.chairBody')}</p>
          <p>
            <Link to="/cells">{t('home.chairLink')}</Link>
          </p>
        </Card>
      )}
      {canAudit(me) && (
        <Card title={t('home.auditTitle')}>
          <p>{t('home.auditBody')}</p>
          <p>
            <Link to="/audit">{t('home.auditLink')}</Link>
          </p>
        </Card>
      )}
      <Card title={t('home.profileTitle')}>
        <p>{t('home.profileBody')}</p>
        <p>
          <Link to="/profile">{t('home.profileLink')}</Link>
        </p>
      </Card>
      <Card title={t('home.statusTitle')}>
        <p>{t('home.statusBody')}</p>
        <p>
          <Link to="/status">{t('home.statusLink')}</Link>
        </p>
      </Card>
    </ul>
  );
}

/** The per-role welcome: the meeting cards of the cells where the user sits at a table first, then what the roles of `/me` allow. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const roleName = useRoleName();
  usePageTitle(t('home.title'));
  if (me.data === undefined) return null; // RequireAuth shows the loading state
  const roles = heldRoles(me.data);
  return (
    <>
      <h1>{t('home.welcome', { name: me.data.displayName })}</h1>
      <p className="lead">{t('home.intro')}</p>
      <h2>{t('home.rolesTitle')}</h2>
      {roles.length === 0 ? (
        <p>{t('home.noRoles')}</p>
      ) : (
        <ul className="role-list">
          {roles.map((role) => (
            <li key={role}>{roleName(role)}</li>
          ))}
        </ul>
      )}
      {sitsAtTable(me.data) && (
        <Suspense fallback={null}>
          <HomeMeetings />
        </Suspense>
      )}
      <RoleCards me={me.data} />
    </>
  );
}
