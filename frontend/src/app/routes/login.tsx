import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';

import { usePageTitle } from '@/components/use-page-title';
import {
  isLoginRedirectState,
  Loading,
  LoginForm,
  PASSWORD_CHANGE_PATH,
  useSession,
} from '@/features/auth';

/** The history state of the invitation page after a password was chosen. */
export interface InvitationAcceptedState {
  invitationAccepted: true;
}

function isInvitationAccepted(value: unknown): value is InvitationAcceptedState {
  return typeof value === 'object' && value !== null && 'invitationAccepted' in value;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { status, passwordChangeRequired, endReason } = useSession();
  const location = useLocation();
  usePageTitle(t('login.title'));

  if (status === 'signedIn') {
    const from = isLoginRedirectState(location.state) ? location.state.from : '/';
    return <Navigate to={passwordChangeRequired ? PASSWORD_CHANGE_PATH : from} replace />;
  }

  const ended =
    endReason === 'expired'
      ? t('login.ended.expired')
      : endReason === 'loggedOut'
        ? t('login.ended.loggedOut')
        : endReason === 'passwordChanged'
          ? t('login.ended.passwordChanged')
          : isInvitationAccepted(location.state)
            ? t('login.invitationAccepted')
            : '';

  return (
    <div className="narrow">
      <h1>{t('login.title')}</h1>
      <p className="notice" role="status">
        {ended}
      </p>
      {status === 'unknown' ? (
        <Loading />
      ) : (
        <>
          <p className="lead">{t('login.intro')}</p>
          <LoginForm />
        </>
      )}
    </div>
  );
}
