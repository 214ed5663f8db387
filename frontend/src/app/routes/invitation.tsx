import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

import { usePageTitle } from '@/components/use-page-title';
import { InvitationAcceptance } from '@/features/cells';

import type { InvitationAcceptedState } from './login';

/** Reads the token from the link's fragment once, then takes it out of the address bar. */
function useInvitationToken(): string {
  const { hash } = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => decodeURIComponent(hash.slice(1)));
  useEffect(() => {
    if (hash !== '') void navigate({ hash: '' }, { replace: true });
  }, [hash, navigate]);
  return token;
}

/** The public page of the invitation link: choose a password, then sign in and enrol. */
export function InvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const token = useInvitationToken();
  usePageTitle(t('invitation.title'));
  return (
    <div className="narrow">
      <h1>{t('invitation.title')}</h1>
      <InvitationAcceptance
        token={token}
        onAccepted={() => {
          const state: InvitationAcceptedState = { invitationAccepted: true };
          void navigate('/login', { replace: true, state });
        }}
      />
    </div>
  );
}
