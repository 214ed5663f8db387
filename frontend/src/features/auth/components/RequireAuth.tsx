import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';

import { ProblemMessage } from '@/components/ProblemMessage';

import { useMe, type Me } from '../api/use-me';
import { useSession } from '../use-session';

export const LOGIN_PATH = '/login';
export const PASSWORD_CHANGE_PATH = '/change-password';

/** Where the user wanted to go, kept in the history state of the redirect to the sign-in page. */
export interface LoginRedirectState {
  from: string;
}

export function isLoginRedirectState(value: unknown): value is LoginRedirectState {
  return (
    typeof value === 'object' && value !== null && 'from' in value && typeof value.from === 'string'
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** Whoever is not signed in goes to the sign-in page, which brings them back here afterwards. */
export function RequireAuth() {
  const { status, passwordChangeRequired } = useSession();
  const location = useLocation();
  const me = useMe();

  if (status === 'unknown') return <Loading />;
  if (status === 'signedOut') {
    const state: LoginRedirectState = {
      from: `${location.pathname}${location.search}${location.hash}`,
    };
    return <Navigate to={LOGIN_PATH} replace state={state} />;
  }
  if (me.isPending) return <Loading />;
  if (me.isError) return <ProblemMessage error={me.error} />;

  const mustChange = passwordChangeRequired || me.data.passwordChangeRequired;
  const onPasswordPage = location.pathname === PASSWORD_CHANGE_PATH;
  if (mustChange && !onPasswordPage) return <Navigate to={PASSWORD_CHANGE_PATH} replace />;
  if (!mustChange && onPasswordPage) return <Navigate to="/profile" replace />;
  return <Outlet />;
}

interface RequireRoleProps {
  allowed: (me: Me) => boolean;
  /** Shown to a signed-in user without the role. */
  fallback: ReactNode;
}

/** Inside `RequireAuth`: the page only for users `allowed` lets in. */
export function RequireRole({ allowed, fallback }: RequireRoleProps) {
  const me = useMe();
  if (me.data === undefined) return <Loading />;
  return allowed(me.data) ? <Outlet /> : fallback;
}
