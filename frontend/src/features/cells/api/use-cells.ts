import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { components } from '@/api/schema';

type Schemas = components['schemas'];
export type Cell = Schemas['CellRead'];
export type CellCreate = Schemas['CellCreate'];
export type CellUpdate = Schemas['CellUpdate'];
export type LegalBasis = Schemas['LegalBasisBody'];
export type Organisation = Schemas['OrganisationRead'];
export type OrganisationCreate = Schemas['OrganisationCreate'];
export type OrganisationUpdate = Schemas['OrganisationUpdate'];
export type Table = Schemas['TableRead'];
export type Member = Schemas['MemberRead'];
export type MemberCreate = Schemas['MemberCreate'];
export type ProsecutorDecision = Schemas['ProsecutorDecisionBody'];
export type Composition = Schemas['CompositionRead'];
export type TableComposition = Schemas['TableComposition'];
export type InvitationCreate = Schemas['InvitationCreate'];
export type Invitation = Schemas['InvitationRead'];
export type InvitationSummary = Schemas['InvitationSummary'];
export type InvitationRenewed = Schemas['InvitationRenewed'];
export type InvitationState = Schemas['InvitationState'];
export type Client = Schemas['ClientRead'];
export type ClientCreate = Schemas['ClientCreate'];
export type ClientCreated = Schemas['ClientCreated'];
type TableKind = Schemas['TableKind'];

/**
 * Everything about one cell sits under `['cells', id]`, so a change invalidates the cell, its
 * organisations, tables and composition at once: the checklist is always live. The cases feature
 * reads the same keys (with the same raw API data) and shares the cache.
 */
export const cellKeys = {
  all: ['cells'] as const,
  list: ['cells', 'list'] as const,
  cell: (cellId: string) => ['cells', cellId] as const,
  detail: (cellId: string) => ['cells', cellId, 'detail'] as const,
  organisations: (cellId: string) => ['cells', cellId, 'organisations'] as const,
  tables: (cellId: string) => ['cells', cellId, 'tables'] as const,
  composition: (cellId: string) => ['cells', cellId, 'composition'] as const,
  clients: (cellId: string) => ['cells', cellId, 'clients'] as const,
  invitations: (cellId: string) => ['cells', cellId, 'invitations'] as const,
};

const cellPath = (cellId: string) => ({ params: { path: { cellId } } });

export function useCells() {
  return useQuery({
    queryKey: cellKeys.list,
    queryFn: async () => unwrap(await api.GET('/api/v1/cells')),
  });
}

export function useCell(cellId: string) {
  return useQuery({
    queryKey: cellKeys.detail(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}', cellPath(cellId))),
  });
}

export function useOrganisations(cellId: string) {
  return useQuery({
    queryKey: cellKeys.organisations(cellId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cells/{cellId}/organisations', cellPath(cellId))),
  });
}

export function useTables(cellId: string) {
  return useQuery({
    queryKey: cellKeys.tables(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}/tables', cellPath(cellId))),
  });
}

export function useComposition(cellId: string) {
  return useQuery({
    queryKey: cellKeys.composition(cellId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cells/{cellId}/composition', cellPath(cellId))),
    staleTime: 0,
  });
}

export function useClients(cellId: string, enabled = true) {
  return useQuery({
    queryKey: cellKeys.clients(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}/clients', cellPath(cellId))),
    enabled,
  });
}

/** A mutation on a cell that refreshes everything shown about it (and the list of cells). */
function useCellMutation<Input, Output>(cellId: string, call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    async onSuccess() {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: cellKeys.cell(cellId) }),
        queryClient.invalidateQueries({ queryKey: cellKeys.list }),
      ]);
    },
  });
}

export function useCreateCell() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CellCreate) => unwrap(await api.POST('/api/v1/cells', { body })),
    async onSuccess(cell) {
      queryClient.setQueryData(cellKeys.detail(cell.id), cell);
      await queryClient.invalidateQueries({ queryKey: cellKeys.list });
    },
  });
}

export function useUpdateCell(cellId: string) {
  return useCellMutation(cellId, async (body: CellUpdate) =>
    unwrap(await api.PATCH('/api/v1/cells/{cellId}', { ...cellPath(cellId), body })),
  );
}

export function useRecordLegalBasis(cellId: string) {
  return useCellMutation(cellId, async (body: LegalBasis) =>
    unwrap(await api.PUT('/api/v1/cells/{cellId}/legalBasis', { ...cellPath(cellId), body })),
  );
}

export function usePublishTerms(cellId: string) {
  return useCellMutation(cellId, async (text: string) =>
    unwrap(
      await api.POST('/api/v1/cells/{cellId}/confidentialityTerms', {
        ...cellPath(cellId),
        body: { text },
      }),
    ),
  );
}

export function useAcknowledgeTerms(cellId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (version: number) => {
      unwrap(
        await api.POST('/api/v1/cells/{cellId}/acknowledgements', {
          ...cellPath(cellId),
          body: { version },
        }),
      );
    },
    async onSuccess() {
      await queryClient.invalidateQueries({ queryKey: cellKeys.cell(cellId) });
    },
  });
}

export function useAddOrganisation(cellId: string) {
  return useCellMutation(cellId, async (body: OrganisationCreate) =>
    unwrap(await api.POST('/api/v1/cells/{cellId}/organisations', { ...cellPath(cellId), body })),
  );
}

export function useUpdateOrganisation(cellId: string) {
  return useCellMutation(
    cellId,
    async ({ organisationId, change }: { organisationId: string; change: OrganisationUpdate }) =>
      unwrap(
        await api.PATCH('/api/v1/cells/{cellId}/organisations/{organisationId}', {
          params: { path: { cellId, organisationId } },
          body: change,
        }),
      ),
  );
}

export function useAddStrategicTable(cellId: string) {
  return useCellMutation(cellId, async (prosecutorDecision: ProsecutorDecision | null) =>
    unwrap(
      await api.POST('/api/v1/cells/{cellId}/tables', {
        ...cellPath(cellId),
        body: { kind: 'strategic', prosecutorDecision },
      }),
    ),
  );
}

export function useRecordProsecutorDecision(cellId: string) {
  return useCellMutation(cellId, async (prosecutorDecision: ProsecutorDecision | null) =>
    unwrap(
      await api.PATCH('/api/v1/cells/{cellId}/tables/{tableKind}', {
        params: { path: { cellId, tableKind: 'strategic' } },
        body: { prosecutorDecision },
      }),
    ),
  );
}

export function useSeatMember(cellId: string, tableKind: TableKind) {
  return useCellMutation(cellId, async (body: MemberCreate) =>
    unwrap(
      await api.POST('/api/v1/cells/{cellId}/tables/{tableKind}/members', {
        params: { path: { cellId, tableKind } },
        body,
      }),
    ),
  );
}

export function useWithdrawMember(cellId: string, tableKind: TableKind) {
  return useCellMutation(cellId, async (memberId: string) => {
    unwrap(
      await api.DELETE('/api/v1/cells/{cellId}/tables/{tableKind}/members/{memberId}', {
        params: { path: { cellId, tableKind, memberId } },
      }),
    );
  });
}

export function useUpdateClearance(cellId: string, tableKind: TableKind) {
  return useCellMutation(
    cellId,
    async ({ memberId, clearanceExpiresOn }: { memberId: string; clearanceExpiresOn: string }) =>
      unwrap(
        await api.PATCH('/api/v1/cells/{cellId}/tables/{tableKind}/members/{memberId}', {
          params: { path: { cellId, tableKind, memberId } },
          body: { clearanceExpiresOn },
        }),
      ),
  );
}

export function useAppointChair(cellId: string, tableKind: TableKind) {
  return useCellMutation(cellId, async (member: string) =>
    unwrap(
      await api.PUT('/api/v1/cells/{cellId}/tables/{tableKind}/chair', {
        params: { path: { cellId, tableKind } },
        body: { member },
      }),
    ),
  );
}

/** For the platform administrator and the chairs: pending, accepted and expired, newest first. */
export function useInvitations(cellId: string) {
  return useQuery({
    queryKey: cellKeys.invitations(cellId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cells/{cellId}/invitations', cellPath(cellId))),
  });
}

export function useInvite(cellId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: InvitationCreate) =>
      unwrap(await api.POST('/api/v1/cells/{cellId}/invitations', { ...cellPath(cellId), body })),
    async onSuccess() {
      await queryClient.invalidateQueries({ queryKey: cellKeys.invitations(cellId) });
    },
  });
}

/**
 * A new link, valid seven days, for a pending or expired invitation (the old link stops working).
 * The list is read again either way: a refusal (409 `invitationAlreadyAccepted`) means it is stale.
 */
export function useRenewInvitation(cellId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (invitationId: string) =>
      unwrap(
        await api.POST('/api/v1/cells/{cellId}/invitations/{invitationId}/renewal', {
          params: { path: { cellId, invitationId } },
        }),
      ),
    async onSettled() {
      await queryClient.invalidateQueries({ queryKey: cellKeys.invitations(cellId) });
    },
  });
}

/** Public: the token of the link and the chosen password. */
export function useAcceptInvitation() {
  return useMutation({
    mutationFn: async (body: { token: string; password: string }) => {
      unwrap(await api.POST('/api/v1/invitations/acceptance', { body }));
    },
  });
}

export function useCreateClient(cellId: string) {
  return useCellMutation(cellId, async (body: ClientCreate) =>
    unwrap(await api.POST('/api/v1/cells/{cellId}/clients', { ...cellPath(cellId), body })),
  );
}

export function useRevokeClient(cellId: string) {
  return useCellMutation(cellId, async (clientId: string) => {
    unwrap(
      await api.DELETE('/api/v1/cells/{cellId}/clients/{clientId}', {
        params: { path: { cellId, clientId } },
      }),
    );
  });
}
