import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';

import { api } from '@/api/client';
import { ApiError, unwrap } from '@/api/errors';
import type { components, operations } from '@/api/schema';

import { changePlan, versionOfEtag } from '../model/plan-version';

type Schemas = components['schemas'];
export type CaseRead = Schemas['CaseRead'];
export type CaseSummary = Schemas['CaseSummary'];
export type CaseStatus = Schemas['CaseStatus'];
export type CaseCreate = Schemas['CaseCreate'];
export type Step = Schemas['Step'];
export type WeighingCreate = Schemas['WeighingCreate'];
export type Plan = Schemas['PlanRead'];
export type Action = Schemas['ActionRead'];
/** From the operation, not the component: the meetings API has an `ActionCreate` of its own. */
export type ActionCreate = operations['createAction']['requestBody']['content']['application/json'];
export type ActionUpdate = Schemas['ActionUpdate'];
export type ActionStatus = Schemas['ActionStatus'];
export type MyAction = Schemas['MyActionRead'];
export type Template = Schemas['TemplateRead'];
export type Cell = Schemas['CellRead'];
export type Organisation = Schemas['OrganisationRead'];
export type Table = Schemas['TableRead'];
export type Member = Schemas['MemberRead'];

/** The list's filters: status, problematic mark and municipality only — Tafel keeps no register. */
export interface CaseFilters {
  status: CaseStatus[];
  problematic: boolean | undefined;
  municipality: string | undefined;
  page: number;
}

export const CASE_PAGE_SIZE = 25;

/**
 * Keys: a case's content under `['cases', id]`; a cell's lists under `['cells', cellId, …]`, like
 * the cells feature's (same keys, same raw data: the cache is shared).
 */
export const caseKeys = {
  case: (caseId: string) => ['cases', caseId] as const,
  lists: (cellId: string) => ['cells', cellId, 'cases'] as const,
  list: (cellId: string, filters: CaseFilters) => ['cells', cellId, 'cases', filters] as const,
  templates: (cellId: string) => ['cells', cellId, 'templates'] as const,
  myActions: (cellId: string) => ['cells', cellId, 'myActions'] as const,
  cell: (cellId: string) => ['cells', cellId, 'detail'] as const,
  organisations: (cellId: string) => ['cells', cellId, 'organisations'] as const,
  tables: (cellId: string) => ['cells', cellId, 'tables'] as const,
};

const cellPath = (cellId: string) => ({ params: { path: { cellId } } });
const casePath = (caseId: string) => ({ params: { path: { caseId } } });

/** R-PRIV-4: the answer of a participant who has not acknowledged the current terms yet. */
export function needsAcknowledgement(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.rule === 'R-PRIV-4';
}

export function useCaseList(cellId: string, filters: CaseFilters) {
  return useQuery({
    queryKey: caseKeys.list(cellId, filters),
    queryFn: async () => {
      const query: NonNullable<operations['listCases']['parameters']['query']> = {
        page: filters.page,
        pageSize: CASE_PAGE_SIZE,
      };
      if (filters.status.length > 0) query.status = filters.status;
      if (filters.problematic !== undefined) query.problematic = filters.problematic;
      if (filters.municipality !== undefined) query.municipality = filters.municipality;
      return unwrap(await api.GET('/api/v1/cells/{cellId}/cases', { params: { path: { cellId }, query } }));
    },
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

async function fetchCase(caseId: string): Promise<CaseRead> {
  return unwrap(await api.GET('/api/v1/cases/{caseId}', casePath(caseId)));
}

/** The content, for participants (every read is audited on the server, R-AUD-1). */
export function useCase(caseId: string) {
  return useQuery({
    queryKey: caseKeys.case(caseId),
    queryFn: () => fetchCase(caseId),
    staleTime: 10_000,
  });
}

export function useCellInfo(cellId: string) {
  return useQuery({
    queryKey: caseKeys.cell(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}', cellPath(cellId))),
  });
}

export function useCellOrganisations(cellId: string) {
  return useQuery({
    queryKey: caseKeys.organisations(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}/organisations', cellPath(cellId))),
  });
}

export function useCellTables(cellId: string) {
  return useQuery({
    queryKey: caseKeys.tables(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}/tables', cellPath(cellId))),
  });
}

export function useTemplates(cellId: string, enabled = true) {
  return useQuery({
    queryKey: caseKeys.templates(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}/trajectoryTemplates', cellPath(cellId))),
    enabled,
  });
}

export function useMyActions(cellId: string) {
  return useQuery({
    queryKey: caseKeys.myActions(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}/myActions', cellPath(cellId))),
    staleTime: 0,
  });
}

export function useAcknowledge(cellId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (version: number) => {
      unwrap(
        await api.POST('/api/v1/cells/{cellId}/acknowledgements', { ...cellPath(cellId), body: { version } }),
      );
    },
    async onSuccess() {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['cells', cellId] }),
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
      ]);
    },
  });
}

async function refreshLists(queryClient: QueryClient, cellId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: caseKeys.lists(cellId) }),
    queryClient.invalidateQueries({ queryKey: caseKeys.myActions(cellId) }),
  ]);
}

export function useSubmitCase(cellId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CaseCreate) =>
      unwrap(await api.POST('/api/v1/cells/{cellId}/cases', { ...cellPath(cellId), body })),
    async onSuccess(created) {
      queryClient.setQueryData(caseKeys.case(created.id), created);
      await refreshLists(queryClient, cellId);
    },
  });
}

/** A change answered with the whole case: the cache takes the answer, the lists refresh. */
function useCaseChange<Input>(cellId: string, caseId: string, call: (input: Input) => Promise<CaseRead>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    async onSuccess(changed) {
      queryClient.setQueryData(caseKeys.case(caseId), changed);
      await refreshLists(queryClient, cellId);
    },
  });
}

/** A change answered with something else: the case is read again. */
function useCaseRefresh<Input, Output>(cellId: string, caseId: string, call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    async onSuccess() {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.case(caseId) }),
        refreshLists(queryClient, cellId),
      ]);
    },
  });
}

export function useTransition(cellId: string, caseId: string) {
  return useCaseChange(cellId, caseId, async (step: Step) =>
    unwrap(await api.POST('/api/v1/cases/{caseId}/transitions', { ...casePath(caseId), body: { step } })),
  );
}

export function useWeigh(cellId: string, caseId: string) {
  return useCaseChange(cellId, caseId, async (body: WeighingCreate) =>
    unwrap(await api.POST('/api/v1/cases/{caseId}/weighing', { ...casePath(caseId), body })),
  );
}

export function useMarkProblematic(cellId: string, caseId: string) {
  return useCaseChange(cellId, caseId, async (problematic: boolean) =>
    unwrap(await api.PATCH('/api/v1/cases/{caseId}', { ...casePath(caseId), body: { problematic } })),
  );
}

export function useAddSignal(cellId: string, caseId: string) {
  return useCaseRefresh(cellId, caseId, async (body: { observedOn: string; description: string }) =>
    unwrap(await api.POST('/api/v1/cases/{caseId}/signals', { ...casePath(caseId), body })),
  );
}

export function useAddParticipant(cellId: string, caseId: string) {
  return useCaseRefresh(cellId, caseId, async (organisation: string) => {
    unwrap(await api.POST('/api/v1/cases/{caseId}/participants', { ...casePath(caseId), body: { organisation } }));
  });
}

export function useRemoveParticipant(cellId: string, caseId: string) {
  return useCaseRefresh(cellId, caseId, async (organisationId: string) => {
    unwrap(
      await api.DELETE('/api/v1/cases/{caseId}/participants/{organisationId}', {
        params: { path: { caseId, organisationId } },
      }),
    );
  });
}

export function useAddCard(cellId: string, caseId: string) {
  return useCaseRefresh(cellId, caseId, async (body: { text: string; nonClassifiedAttested: boolean }) =>
    unwrap(await api.POST('/api/v1/cases/{caseId}/informationCards', { ...casePath(caseId), body })),
  );
}

/** Put a plan answer into the cached case (the answer carries the plan's new version). */
function storePlan(queryClient: QueryClient, caseId: string, plan: Plan) {
  queryClient.setQueryData<CaseRead>(caseKeys.case(caseId), (current) =>
    current === undefined ? current : { ...current, plan },
  );
}

/** The plan of a `PlanRead` answer, checked against its `ETag` header when there is one. */
function planOf(result: { data?: Plan; error?: unknown; response: Response }): Plan {
  const plan = unwrap(result);
  const tagged = versionOfEtag(result.response.headers.get('ETag'));
  return tagged === null || tagged === plan.version ? plan : { ...plan, version: tagged };
}

export function useStartPlan(cellId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (template: string | null) =>
      planOf(await api.POST('/api/v1/cases/{caseId}/plan', { ...casePath(caseId), body: { template } })),
    async onSuccess(plan) {
      storePlan(queryClient, caseId, plan);
      await refreshLists(queryClient, cellId);
    },
  });
}

/** The plan's version as last read; the plan is read again when it is not known. */
async function currentVersion(queryClient: QueryClient, caseId: string): Promise<number> {
  const cached = queryClient.getQueryData<CaseRead>(caseKeys.case(caseId));
  const read = cached?.plan
    ? cached
    : await queryClient.query({ queryKey: caseKeys.case(caseId), queryFn: () => fetchCase(caseId), staleTime: 0 });
  if (read.plan === null || read.plan === undefined) throw new Error('this case has no plan');
  return read.plan.version;
}

function usePlanChange<Input>(cellId: string, caseId: string, send: (input: Input, ifMatch: string) => Promise<Plan>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: Input) =>
      changePlan({
        version: await currentVersion(queryClient, caseId),
        send: (ifMatch) => send(input, ifMatch),
        reload: () =>
          Promise.all([
            queryClient.invalidateQueries({ queryKey: caseKeys.case(caseId) }),
            queryClient.invalidateQueries({ queryKey: caseKeys.myActions(cellId) }),
          ]),
      }),
    async onSuccess(plan) {
      storePlan(queryClient, caseId, plan);
      await refreshLists(queryClient, cellId);
    },
  });
}

export function useAddAction(cellId: string, caseId: string) {
  return usePlanChange(cellId, caseId, async (body: ActionCreate, ifMatch) =>
    planOf(
      await api.POST('/api/v1/cases/{caseId}/plan/actions', {
        params: { path: { caseId }, header: { 'If-Match': ifMatch } },
        body,
      }),
    ),
  );
}

export function useUpdateAction(cellId: string, caseId: string) {
  return usePlanChange(cellId, caseId, async ({ actionId, change }: { actionId: string; change: ActionUpdate }, ifMatch) =>
    planOf(
      await api.PATCH('/api/v1/cases/{caseId}/plan/actions/{actionId}', {
        params: { path: { caseId, actionId }, header: { 'If-Match': ifMatch } },
        body: change,
      }),
    ),
  );
}

/** The caller's cells (for choosing one when they sit at several operational tables). */
export function useMyCells() {
  return useQuery({
    queryKey: ['cells', 'list'] as const,
    queryFn: async () => unwrap(await api.GET('/api/v1/cells')),
  });
}
