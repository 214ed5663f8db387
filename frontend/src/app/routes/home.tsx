import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { usePageTitle } from '@/components/use-page-title';
import {
  auditedCellIds,
  canAudit,
  canManageCells,
  canOversee,
  heldRoles,
  isPlatformAdministrator,
  operationalCellIds,
  sitsAtTable,
  strategicCellIds,
  useMe,
  type CellRole,
  type Me,
  type PlatformRole,
} from '@/features/auth';
import { FiguresSummary, useOversightCells } from '@/features/oversight';

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

/** The names of the cells the user sees, by id (the id itself until the list is there). */
function useCellName() {
  const cells = useOversightCells();
  const names = new Map((cells.data?.items ?? []).map((cell) => [cell.id, cell.name]));
  return (cellId: string) => names.get(cellId) ?? cellId;
}

/** The strategic table (the mayor) comes for the figures: they come first, per cell (R-TAB-3). */
function StrategicFigures({ me }: { me: Me }) {
  const { t } = useTranslation();
  const cellName = useCellName();
  const cells = strategicCellIds(me);
  if (cells.length === 0) return null;
  return (
    <div className="figures-first">
      <p>{t('home.figuresIntro')}</p>
      {cells.map((cellId) => (
        <FiguresSummary key={cellId} cellId={cellId} cellName={cellName(cellId)} />
      ))}
    </div>
  );
}

/** The audit trail, and the evidence pack of every cell the user audits. */
function AuditCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const cellName = useCellName();
  return (
    <Card title={t('home.auditTitle')}>
      <p>{t('home.auditBody')}</p>
      <ul className="link-list">
        <li>
          <Link to="/audit">{t('home.auditLink')}</Link>
        </li>
        {auditedCellIds(me).map((cellId) => (
          <li key={cellId}>
            <Link to={`/cells/${cellId}/evidence`}>{t('home.evidenceLink', { cell: cellName(cellId) })}</Link>
          </li>
        ))}
        {me.platformRoles.length > 0 && (
          <li>
            <Link to="/oversight">{t('home.evidencePacksLink')}</Link>
          </li>
        )}
      </ul>
    </Card>
  );
}

function RoleCards({ me }: { me: Me }) {
  const { t } = useTranslation();
  const administrator = isPlatformAdministrator(me);
  const caseCells = operationalCellIds(me);
  const [onlyCell] = caseCells;
  // The strategic table has its figures above; auditors reach the evidence pack from their card.
  const oversightCard = canOversee(me) && strategicCellIds(me).length === 0 && !canAudit(me);
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
      {oversightCard && (
        <Card title={t('home.oversightTitle')}>
          <p>{t('home.oversightBody')}</p>
          <p>
            <Link to="/oversight">{t('home.oversightLink')}</Link>
          </p>
        </Card>
      )}
      {canAudit(me) && <AuditCard me={me} />}
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

/** The per-role welcome: the figures first for the strategic table, then the meeting cards of the cells where the user sits at a table, then what each role can do. */
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
      <StrategicFigures me={me.data} />
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
