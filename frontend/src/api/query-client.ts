import { QueryCache, QueryClient } from '@tanstack/react-query';

import { ApiError } from './errors';
import { session } from './session';

const MAX_RETRIES = 2;

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx answer will not change by asking again; network failures and 5xx may.
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError(error) {
        // The client already refreshed and retried once: a token still refused ends the session.
        if (error instanceof ApiError && error.status === 401 && error.isTokenProblem) {
          session.end('expired');
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
