import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';

import { usePageTitle } from '@/components/use-page-title';
import { Loading, operationalCellIds, OPERATIONAL_ROLES, rolesIn, useMe } from '@/features/auth';
import { CaseList, CaseView, IntakeForm, MyActions, useMyCells } from '@/features/cases';
import { FeedbackForms } from '@/features/feedback';

import { ForbiddenPage } from './forbidden';

// The case work of the operational table, loaded on demand (React.lazy in router.tsx).

interface SubmittedState {
  submitted: true;
}

function isSubmittedState(value: unknown): value is SubmittedState {
  return typeof value === 'object' && value !== null && 'submitted' in value;
}

function useCaseAccess() {
  const { cellId = '', caseId = '' } = useParams();
  const me = useMe();
  const roles = me.data === undefined ? [] : rolesIn(me.data, cellId);
  return { cellId, caseId, roles, userId: me.data?.id ?? '' };
}

/** Only people at the operational table of this cell work on its cases (R-TAB-3, R-PRIV-5). */
export function RequireOperational() {
  const { roles } = useCaseAccess();
  const me = useMe();
  if (me.data === undefined) return <Loading />;
  return roles.some((role) => OPERATIONAL_ROLES.includes(role)) ? <Outlet /> : <ForbiddenPage />;
}

/** `/cases` and `/my-actions`: straight to the one cell, or a choice when there are several. */
function CellChooser({ target, title }: { target: 'cases' | 'my-actions'; title: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const cells = useMyCells();
  usePageTitle(title);
  if (me.data === undefined) return <Loading />;
  const ids = operationalCellIds(me.data);
  const [only] = ids;
  if (ids.length === 1 && only !== undefined) return <Navigate to={`/cells/${only}/${target}`} replace />;
  const names = new Map((cells.data?.items ?? []).map((cell) => [cell.id, cell.name]));
  return (
    <>
      <h1>{title}</h1>
      {ids.length === 0 ? (
        <p>{t('cases.chooser.none')}</p>
      ) : (
        <>
          <p>{t('cases.chooser.intro')}</p>
          <ul className="link-list">
            {ids.map((id) => (
              <li key={id}>
                <Link to={`/cells/${id}/${target}`}>{names.get(id) ?? id}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function CasesEntryPage() {
  const { t } = useTranslation();
  return <CellChooser target="cases" title={t('cases.list.pageTitle')} />;
}

export function MyActionsEntryPage() {
  const { t } = useTranslation();
  return <CellChooser target="my-actions" title={t('cases.myActions.title')} />;
}

export function CaseListPage() {
  const { t } = useTranslation();
  const { cellId } = useCaseAccess();
  usePageTitle(t('cases.list.pageTitle'));
  return (
    <>
      <h1>{t('cases.list.pageTitle')}</h1>
      <p className="lead">{t('cases.list.intro')}</p>
      <p>
        <Link className="button" to={`/cells/${cellId}/cases/new`}>
          {t('cases.list.submit')}
        </Link>{' '}
        <Link className="button button--secondary" to={`/cells/${cellId}/my-actions`}>
          {t('cases.myActions.title')}
        </Link>
      </p>
      <CaseList cellId={cellId} />
    </>
  );
}

export function IntakePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { cellId, roles, userId } = useCaseAccess();
  usePageTitle(t('cases.intake.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/cells/${cellId}/cases`}>{t('cases.list.pageTitle')}</Link>
      </p>
      <h1>{t('cases.intake.title')}</h1>
      <p className="lead">{t('cases.intake.intro')}</p>
      <IntakeForm
        cellId={cellId}
        userId={userId}
        informationOfficer={roles.includes('informationOfficer')}
        onSubmitted={(created) => {
          const state: SubmittedState = { submitted: true };
          void navigate(`/cells/${cellId}/cases/${created.id}`, { state });
        }}
      />
    </>
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const { cellId, caseId, roles, userId } = useCaseAccess();
  const state: unknown = useLocation().state;
  usePageTitle(t('cases.page.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/cells/${cellId}/cases`}>{t('cases.list.pageTitle')}</Link>
      </p>
      <CaseView
        cellId={cellId}
        caseId={caseId}
        roles={roles}
        userId={userId}
        justSubmitted={isSubmittedState(state)}
        renderFeedbackForms={(context) => <FeedbackForms {...context} />}
      />
    </>
  );
}

export function MyActionsPage() {
  const { t } = useTranslation();
  const { cellId, roles } = useCaseAccess();
  usePageTitle(t('cases.myActions.title'));
  return (
    <>
      <h1>{t('cases.myActions.title')}</h1>
      <p className="lead">{t('cases.myActions.intro')}</p>
      <MyActions cellId={cellId} chair={roles.includes('operationalChair')} />
    </>
  );
}
