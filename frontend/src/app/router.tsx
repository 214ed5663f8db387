import { useState } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';

import { canAudit, RequireAuth, RequireRole } from '@/features/auth';

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

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          // Public: signing in, the service status, and the not-found page.
          { path: 'login', element: <LoginPage /> },
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
