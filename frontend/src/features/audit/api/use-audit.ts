import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { components, operations } from '@/api/schema';

export type AuditEventPage = components['schemas']['AuditEventPage'];
export type AuditEvent = components['schemas']['AuditEventRead'];
export type Verification = components['schemas']['Verification'];
export type ChainStatus = components['schemas']['ChainStatus'];
export type AnchorDocument = components['schemas']['AnchorDocument'];

type EventQuery = NonNullable<operations['listAuditEvents']['parameters']['query']>;

/** The filters of the event list, as the page keeps them in its address. */
export interface AuditFilters {
  actor?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  object?: string | undefined;
  /** ISO date-times: from (inclusive) and before (exclusive). */
  since?: string | undefined;
  until?: string | undefined;
  page: number;
  pageSize: number;
}

export const auditKeys = {
  all: ['audit'] as const,
  events: (filters: AuditFilters) => ['audit', 'events', filters] as const,
  verification: ['audit', 'verification'] as const,
};

function toQuery(filters: AuditFilters): EventQuery {
  const query: EventQuery = { page: filters.page, pageSize: filters.pageSize };
  if (filters.actor) query.actor = filters.actor;
  if (filters.action) query.action = filters.action;
  if (filters.objectType) query.objectType = filters.objectType;
  if (filters.object) query.object = filters.object;
  if (filters.since) query.since = filters.since;
  if (filters.until) query.until = filters.until;
  return query;
}

export function useAuditEvents(filters: AuditFilters) {
  return useQuery({
    queryKey: auditKeys.events(filters),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/audit/events', { params: { query: toQuery(filters) } })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Re-hashes every chain the user may audit: asked each time the page opens. */
export function useChainVerification() {
  return useQuery({
    queryKey: auditKeys.verification,
    queryFn: async () => unwrap(await api.GET('/api/v1/audit/verification')),
    staleTime: 0,
  });
}

export async function fetchAnchor(): Promise<AnchorDocument> {
  return unwrap(await api.GET('/api/v1/audit/anchor'));
}
