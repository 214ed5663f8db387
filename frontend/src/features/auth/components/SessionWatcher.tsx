import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { session } from '@/api/session';

/**
 * Once the session ends (log-out, expiry, password change) nothing read under it may stay in
 * memory: the query cache is emptied. Guarded pages then redirect to the sign-in page.
 */
export function SessionWatcher() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      session.onTokenChange((token) => {
        if (token === null) queryClient.clear();
      }),
    [queryClient],
  );
  return null;
}
