import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useParams } from 'react-router';

import { usePageTitle } from '@/components/use-page-title';
import { canManageCell, isPlatformAdministrator, useMe } from '@/features/auth';
import {
  CellLayout,
  CellList,
  CellOverview,
  CellWizard,
  ClientsPanel,
  InvitationsPanel,
  isCellCreatedState,
  OrganisationsPanel,
  TablesPanel,
  TermsPanel,
} from '@/features/cells';

// The cell settings area, loaded on demand (React.lazy in router.tsx): the platform administrator
// sets cells up; the chairs of a cell manage it; its other members read it.

function useCellAccess() {
  const { cellId = '' } = useParams();
  const me = useMe();
  const manage = me.data !== undefined && canManageCell(me.data, cellId);
  return { cellId, manage, userId: me.data?.id ?? '' };
}

export function CellListPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('cells.list.title'));
  const administrator = me.data !== undefined && isPlatformAdministrator(me.data);
  return (
    <>
      <h1>{t('cells.list.title')}</h1>
      <p className="lead">{t('cells.list.intro')}</p>
      <CellList canCreate={administrator} canActivate={administrator} />
    </>
  );
}

export function NewCellPage() {
  const { t } = useTranslation();
  usePageTitle(t('cells.wizard.title'));
  return (
    <>
      <h1>{t('cells.wizard.title')}</h1>
      <p className="lead">{t('cells.wizard.intro')}</p>
      <CellWizard />
    </>
  );
}

/** The cell's name and the pages of its settings around the current page. */
export function CellSection() {
  const { cellId, manage } = useCellAccess();
  return (
    <CellLayout cellId={cellId} manage={manage}>
      <Outlet />
    </CellLayout>
  );
}

export function CellOverviewPage() {
  const { t } = useTranslation();
  const { cellId, manage } = useCellAccess();
  const state: unknown = useLocation().state;
  usePageTitle(t('cells.nav.overview'));
  return <CellOverview cellId={cellId} manage={manage} createdName={isCellCreatedState(state) ? state.created : undefined} />;
}

export function CellOrganisationsPage() {
  const { t } = useTranslation();
  const { cellId, manage } = useCellAccess();
  usePageTitle(t('cells.nav.organisations'));
  return <OrganisationsPanel cellId={cellId} manage={manage} />;
}

export function CellTablesPage() {
  const { t } = useTranslation();
  const { cellId, manage } = useCellAccess();
  usePageTitle(t('cells.nav.tables'));
  return <TablesPanel cellId={cellId} manage={manage} />;
}

export function CellTermsPage() {
  const { t } = useTranslation();
  const { cellId, manage, userId } = useCellAccess();
  usePageTitle(t('cells.nav.terms'));
  return <TermsPanel cellId={cellId} manage={manage} userId={userId} />;
}

export function CellInvitationsPage() {
  const { t } = useTranslation();
  const { cellId } = useCellAccess();
  usePageTitle(t('cells.nav.invitations'));
  return <InvitationsPanel cellId={cellId} />;
}

export function CellClientsPage() {
  const { t } = useTranslation();
  const { cellId } = useCellAccess();
  usePageTitle(t('cells.nav.clients'));
  return <ClientsPanel cellId={cellId} />;
}
