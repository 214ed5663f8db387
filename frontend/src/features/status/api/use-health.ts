import { useQuery } from '@tanstack/react-query';

import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { components } from '@/api/schema';

export type HealthStatus = components['schemas']['Health']['status'];

export const healthQueryKey = ['health'] as const;

const RECHECK_INTERVAL_MS = 60_000;

/** `GET /health`: a 503 is an answer too (the service says DOWN), not a failure to ask. */
export async function fetchHealth(): Promise<HealthStatus> {
  const result = await api.GET('/health');
  if (result.response.status === 503 && result.error !== undefined) return result.error.status;
  return unwrap(result).status;
}

export function useHealth() {
  return useQuery({
    queryKey: healthQueryKey,
    queryFn: fetchHealth,
    retry: false,
    staleTime: 0,
    refetchInterval: RECHECK_INTERVAL_MS,
  });
}
