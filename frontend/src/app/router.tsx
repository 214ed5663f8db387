import { lazy, useState } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';

import {
  canAudit,
  canManageCells,
  canOversee,
  isPlatformAdministrator,
  RequireAuth,
  RequireRole,
  type Me,
} from '@/features/auth';

import { AppLayout } from './layout/AppLayout';
import { AuditPage } from './routes/audit';
import { ChangePasswordPage } from './routes/change-password';
import { ForbiddenPage } from './routes/forbidden';
import { HomePage } from './routes/home';
import { LoginPage } from './routes/login';
import { NotFoundPage } from './routes/not-found';
import { ProfilePage } from './routes/profile';
import { RouteError } from './routes/route-error';
import { StatusPage } from './routes/status';

// The cells, cases, meetings and oversight areas are loaded on first use, so the first page stays
// small. The layout's <Suspense> shows "loading" meanwhile.
const cells = () => import('./routes/cells');
const cases = () => import('./routes/cases');
const oversight = () => import('./routes/oversight');
const CellListPage = lazy(() => cells().then((m) => ({ default: m.CellListPage })));
const NewCellPage = lazy(() => cells().then((m) => ({ default: m.NewCellPage })));
const CellSection = lazy(() => cells().then((m) => ({ default: m.CellSection })));
const CellOverviewPage = lazy(() => cells().then((m) => ({ default: m.CellOverviewPage })));
const CellOrganisationsPage = lazy(() => cells().then((m) => ({ default: m.CellOrganisationsPage })));
const CellTablesPage = lazy(() => cells().then((m) => ({ default: m.CellTablesPage })));
const CellTermsPage = lazy(() => cells().then((m) => ({ default: m.CellTermsPage })));
const CellInvitationsPage = lazy(() => cells().then((m) => ({ default: m.CellInvitationsPage })));
const CellClientsPage = lazy(() => cells().then((m) => ({ default: m.CellClientsPage })));
const InvitationPage = lazy(() => import('./routes/invitation').then((m) => ({ default: m.InvitationPage })));
const RequireOperational = lazy(() => cases().then((m) => ({ default: m.RequireOperational })));
const CasesEntryPage = lazy(() => cases().then((m) => ({ default: m.CasesEntryPage })));
const MyActionsEntryPage = lazy(() => cases().then((m) => ({ default: m.MyActionsEntryPage })));
const CaseListPage = lazy(() => cases().then((m) => ({ default: m.CaseListPage })));
const IntakePage = lazy(() => cases().then((m) => ({ default: m.IntakePage })));
const CasePage = lazy(() => cases().then((m) => ({ default: m.CasePage })));
const MyActionsPage = lazy(() => cases().then((m) => ({ default: m.MyActionsPage })));
const meetings = () => import('./routes/meetings');
const RequireTableSeat = lazy(() => meetings().then((m) => ({ default: m.RequireTableSeat })));
const MeetingsEntryPage = lazy(() => meetings().then((m) => ({ default: m.MeetingsEntryPage })));
const MeetingListPage = lazy(() => meetings().then((m) => ({ default: m.MeetingListPage })));
const PlanMeetingPage = lazy(() => meetings().then((m) => ({ default: m.PlanMeetingPage })));
const MeetingRequestsPage = lazy(() => meetings().then((m) => ({ default: m.MeetingRequestsPage })));
const MeetingRoomPage = lazy(() => meetings().then((m) => ({ default: m.MeetingRoomPage })));
const ReplanMeetingPage = lazy(() => meetings().then((m) => ({ default: m.ReplanMeetingPage })));
const MinutesPage = lazy(() => meetings().then((m) => ({ default: m.MinutesPage })));
const RequireOversight = lazy(() => oversight().then((m) => ({ default: m.RequireOversight })));
const OversightEntryPage = lazy(() => oversight().then((m) => ({ default: m.OversightEntryPage })));
const OversightPage = lazy(() => oversight().then((m) => ({ default: m.OversightPage })));
const EvidencePage = lazy(() => oversight().then((m) => ({ default: m.EvidencePage })));

/** Anyone with a role in a cell may read it; administrators and chairs manage. */
const seesCells = (me: Me) => canManageCells(me) || me.cells.length > 0;

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          // Public: signing in, accepting an invitation, the service status, the not-found page.
          { path: 'login', element: <LoginPage /> },
          { path: 'invitation', element: <InvitationPage /> },
          { path: 'status', element: <StatusPage /> },
          {
            element: <RequireAuth />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'profile', element: <ProfilePage /> },
              { path: 'change-password', element: <ChangePasswordPage /> },
              {
                element: <RequireRole allowed={canAudit} fallback={<ForbiddenPage />} />,
                children: [{ path: 'audit', element: <AuditPage /> }],
              },
              { path: 'cases', element: <CasesEntryPage /> },
              { path: 'my-actions', element: <MyActionsEntryPage /> },
              {
                path: 'meetings',
                children: [
                  { index: true, element: <MeetingsEntryPage /> },
                  { path: ':meetingId', element: <MeetingRoomPage /> },
                  { path: ':meetingId/edit', element: <ReplanMeetingPage /> },
                  { path: ':meetingId/minutes', element: <MinutesPage /> },
                ],
              },
              {
                element: <RequireRole allowed={canOversee} fallback={<ForbiddenPage />} />,
                children: [{ path: 'oversight', element: <OversightEntryPage /> }],
              },
              {
                path: 'cells',
                children: [
                  {
                    element: <RequireRole allowed={seesCells} fallback={<ForbiddenPage />} />,
                    children: [{ index: true, element: <CellListPage /> }],
                  },
                  {
                    element: <RequireRole allowed={isPlatformAdministrator} fallback={<ForbiddenPage />} />,
                    children: [{ path: 'new', element: <NewCellPage /> }],
                  },
                  {
                    path: ':cellId',
                    children: [
                      {
                        element: <CellSection />,
                        children: [
                          { index: true, element: <CellOverviewPage /> },
                          { path: 'organisations', element: <CellOrganisationsPage /> },
                          { path: 'tables', element: <CellTablesPage /> },
                          { path: 'terms', element: <CellTermsPage /> },
                          { path: 'invitations', element: <CellInvitationsPage /> },
                          { path: 'clients', element: <CellClientsPage /> },
                        ],
                      },
                      {
                        element: <RequireOperational />,
                        children: [
                          { path: 'cases', element: <CaseListPage /> },
                          { path: 'cases/new', element: <IntakePage /> },
                          { path: 'cases/:caseId', element: <CasePage /> },
                          { path: 'my-actions', element: <MyActionsPage /> },
                        ],
                      },
                      {
                        element: <RequireTableSeat />,
                        children: [
                          { path: 'meetings', element: <MeetingListPage /> },
                          { path: 'meetings/new', element: <PlanMeetingPage /> },
                          { path: 'meetings/requests', element: <MeetingRequestsPage /> },
                        ],
                      },
                      {
                        element: <RequireOversight />,
                        children: [
                          { path: 'oversight', element: <OversightPage /> },
                          { path: 'evidence', element: <EvidencePage /> },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
