import { useSyncExternalStore } from 'react';

import { session, type SessionSnapshot } from '@/api/session';

/** The session's state (signed in or not, why it ended), re-rendering on every change. */
export function useSession(): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
