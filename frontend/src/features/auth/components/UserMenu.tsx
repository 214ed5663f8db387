import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { logOut } from '../api/auth-api';
import { useMe } from '../api/use-me';
import { useSession } from '../use-session';
import { LOGIN_PATH } from './RequireAuth';

/** In the header: who is signed in, with the log-out button; a sign-in link otherwise. */
export function UserMenu() {
  const { t } = useTranslation();
  const { status } = useSession();
  const me = useMe();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  if (status !== 'signedIn') {
    return status === 'signedOut' ? (
      <Link className="user-menu__login" to={LOGIN_PATH}>
        {t('user.login')}
      </Link>
    ) : null;
  }

  function onLogOut() {
    setBusy(true);
    void logOut()
      .catch(() => undefined) // signed out locally all the same
      .finally(() => {
        setBusy(false);
        void navigate(LOGIN_PATH, { replace: true });
      });
  }

  return (
    <div className="user-menu">
      {me.data !== undefined && (
        <Link className="user-menu__name" to="/profile">
          <span className="visually-hidden">{t('user.signedInAs')} </span>
          {me.data.displayName}
        </Link>
      )}
      <button type="button" className="button button--secondary" onClick={onLogOut} disabled={busy}>
        {t('user.logout')}
      </button>
    </div>
  );
}
