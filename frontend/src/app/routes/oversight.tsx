import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useParams } from 'react-router';

import { usePageTitle } from '@/components/use-page-title';
import { canOverseeCell, Loading, oversightCellIds, useMe } from '@/features/auth';
import { EvidencePack, OversightCells, StatisticsDashboard } from '@/features/oversight';

import { ForbiddenPage } from './forbidden';

// The strategic table's figures and the compliance evidence pack, loaded on demand (React.lazy in
// router.tsx): the charts are the heaviest part of the app and most users never open them.

/** Only who oversees this cell (R-TAB-3): its chairs, the strategic table, its auditors, platform roles. */
export function RequireOversight() {
  const { cellId = '' } = useParams();
  const me = useMe();
  if (me.data === undefined) return <Loading />;
  return canOverseeCell(me.data, cellId) ? <Outlet /> : <ForbiddenPage />;
}

/** `/oversight`: straight to the figures of the one cell, or a choice of cells. */
export function OversightEntryPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('oversight.chooser.title'));
  if (me.data === undefined) return <Loading />;
  const everyCell = me.data.platformRoles.length > 0;
  const ids = oversightCellIds(me.data);
  const [only] = ids;
  if (!everyCell && ids.length === 1 && only !== undefined) {
    return <Navigate to={`/cells/${only}/oversight`} replace />;
  }
  return (
    <>
      <h1>{t('oversight.chooser.title')}</h1>
      <p className="lead">{t('oversight.chooser.intro')}</p>
      <OversightCells cellIds={everyCell ? undefined : ids} />
    </>
  );
}

function Breadcrumb() {
  const { t } = useTranslation();
  return (
    <p className="breadcrumb no-print">
      <Link to="/oversight">{t('oversight.chooser.title')}</Link>
    </p>
  );
}

export function OversightPage() {
  const { t } = useTranslation();
  const { cellId = '' } = useParams();
  usePageTitle(t('oversight.dashboard.title'));
  return (
    <>
      <Breadcrumb />
      <h1>{t('oversight.dashboard.title')}</h1>
      <p>{t('oversight.dashboard.intro')}</p>
      <StatisticsDashboard cellId={cellId} />
    </>
  );
}

export function EvidencePage() {
  const { t } = useTranslation();
  const { cellId = '' } = useParams();
  usePageTitle(t('oversight.evidence.title'));
  return (
    <>
      <Breadcrumb />
      <h1>{t('oversight.evidence.title')}</h1>
      <p>{t('oversight.evidence.intro')}</p>
      <EvidencePack cellId={cellId} />
    </>
  );
}
