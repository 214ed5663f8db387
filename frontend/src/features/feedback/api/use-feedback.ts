import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';

import { api } from '@/api/client';
import { ApiError, unwrap } from '@/api/errors';
import type { components } from '@/api/schema';

import type { FeedbackContent } from '../model/content';
import { panelOfForm, type Verdict } from '../model/panel';
import { attachmentName, pdfName, versionEtag } from '../model/status';
import { fetchPanel, type PanelSnapshot } from './panel-fetch';

type Schemas = components['schemas'];
export type FeedbackForm = Schemas['FeedbackFormRead'];
export type FeedbackSummary = Schemas['FeedbackFormSummary'];
export type FormVersion = Schemas['VersionRead'];
export type Comparison = Schemas['Comparison'];
export type Meeting = Schemas['MeetingRead'];

/** The live panel is read this often while a meeting is in session. */
export const PANEL_POLL_MS = 3_000;

/**
 * Keys: a case's forms under the case (`['cases', caseId, …]`: a change to the case refreshes
 * them); a form, its versions, comparisons and approval panels under `['feedbackForms', id, …]`.
 * The cell's meetings use the meetings feature's key with the same raw data: the cache is shared.
 */
export const feedbackKeys = {
  list: (caseId: string) => ['cases', caseId, 'feedbackForms'] as const,
  all: (formId: string) => ['feedbackForms', formId] as const,
  form: (formId: string) => ['feedbackForms', formId, 'form'] as const,
  versions: (formId: string) => ['feedbackForms', formId, 'versions'] as const,
  comparison: (formId: string, from: number, to: number) => ['feedbackForms', formId, 'comparison', from, to] as const,
  panels: (formId: string) => ['feedbackForms', formId, 'panel'] as const,
  panel: (formId: string, meetingId: string) => ['feedbackForms', formId, 'panel', meetingId] as const,
  meetings: (cellId: string) => ['cells', cellId, 'meetings'] as const,
};

const formPath = (formId: string) => ({ path: { formId } });

/** The forms of a case, one per evaluation round (not audited: no content). */
export function useFeedbackForms(caseId: string, options: { pollWhileNone?: boolean } = {}) {
  return useQuery({
    queryKey: feedbackKeys.list(caseId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cases/{caseId}/feedbackForms', { params: { path: { caseId } } })),
    // In the meeting room a form drafted during the session appears without a reload.
    refetchInterval: (query) =>
      options.pollWhileNone === true && (query.state.data?.items.every((form) => form.transmitted) ?? false) ? 10_000 : false,
    staleTime: 10_000,
  });
}

/**
 * One form with its current version's content. Every read is audited on the server, so it is read
 * when shown and after a change, never on a timer or when the window regains focus.
 */
async function fetchForm(formId: string): Promise<FeedbackForm> {
  return unwrap(await api.GET('/api/v1/feedbackForms/{formId}', { params: formPath(formId) }));
}

export function useFeedbackForm(formId: string, enabled = true) {
  return useQuery({
    queryKey: feedbackKeys.form(formId),
    queryFn: () => fetchForm(formId),
    enabled: enabled && formId !== '',
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

export function useFormVersions(formId: string) {
  return useQuery({
    queryKey: feedbackKeys.versions(formId),
    queryFn: async () => unwrap(await api.GET('/api/v1/feedbackForms/{formId}/versions', { params: formPath(formId) })),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

/** What changed from version `from` to `to`; saved versions never change, so neither does this. */
export function useComparison(formId: string, from: number, to: number, enabled: boolean) {
  return useQuery({
    queryKey: feedbackKeys.comparison(formId, from, to),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/feedbackForms/{formId}/comparison', {
          params: { path: { formId }, query: { from, to } },
        }),
      ),
    enabled,
    staleTime: Infinity,
  });
}

/** The meetings of the cell (to find those that discuss this form: who approved, where to transmit). */
export function useCellMeetings(cellId: string) {
  return useQuery({
    queryKey: feedbackKeys.meetings(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}/meetings', { params: { path: { cellId } } })),
    staleTime: 10_000,
  });
}

/**
 * Who approved or objected to the current version in a meeting. `live`: read again every few
 * seconds with `If-None-Match` (304 while nothing changed keeps what is shown) until the form is
 * transmitted — the read carries no content and is not audited.
 */
export function useApprovalPanel(formId: string, meetingId: string, live: boolean) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: feedbackKeys.panel(formId, meetingId),
    queryFn: ({ queryKey, signal }) =>
      fetchPanel(formId, meetingId, queryClient.getQueryData<PanelSnapshot>(queryKey), signal),
    enabled: formId !== '' && meetingId !== '',
    refetchInterval: (query) => (live && query.state.data?.panel.transmitted !== true ? PANEL_POLL_MS : false),
    staleTime: live ? 0 : 10_000,
  });
}

/** A form answer: the form is cached as read, and the lists and panels are read again. */
async function storeForm(queryClient: QueryClient, form: FeedbackForm) {
  queryClient.setQueryData(feedbackKeys.form(form.id), form);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: feedbackKeys.list(form.case) }),
    queryClient.invalidateQueries({ queryKey: feedbackKeys.versions(form.id) }),
    queryClient.invalidateQueries({ queryKey: feedbackKeys.panels(form.id) }),
  ]);
}

/** R-FB-1: the chair or the information officer drafts the form of the next evaluation round. */
export function useCreateForm(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: FeedbackContent) =>
      unwrap(await api.POST('/api/v1/cases/{caseId}/feedbackForms', { params: { path: { caseId } }, body })),
    onSuccess: (form) => storeForm(queryClient, form),
  });
}

/** Someone else saved a newer version since this one was read (412, or 428 without a version). */
export class StaleFormError extends Error {
  override readonly name = 'StaleFormError';
  readonly refusal: ApiError;

  constructor(refusal: ApiError) {
    super(refusal.detail ?? 'stale feedback form');
    this.refusal = refusal;
  }
}

export function isStale(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 412 || error.status === 428);
}

/**
 * A new version, naming the one it was edited from (`If-Match`). When someone else saved a newer
 * version meanwhile the form is read again and `StaleFormError` says so: the editor keeps the
 * user's changes so they can compare and decide. Every approval is void after an edit (R-FB-2).
 */
export function useEditForm(formId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ content, basedOn }: { content: FeedbackContent; basedOn: string }) => {
      try {
        return unwrap(
          await api.PUT('/api/v1/feedbackForms/{formId}', {
            params: { path: { formId }, header: { 'If-Match': versionEtag(basedOn) } },
            body: content,
          }),
        );
      } catch (error) {
        if (isStale(error)) {
          await queryClient.query({ queryKey: feedbackKeys.form(formId), queryFn: () => fetchForm(formId), staleTime: 0 });
          throw new StaleFormError(error);
        }
        throw error;
      }
    },
    onSuccess: (form) => storeForm(queryClient, form),
  });
}

export interface VerdictInput {
  verdict: Verdict;
  /** The version the member read and judges (R-FB-2: a verdict is on exactly one version). */
  versionHash: string;
  reason?: string;
}

/**
 * Approve or object to exactly one version in the meeting (R-FB-2). Each click sends a fresh
 * `Idempotency-Key`, so a retried request never counts twice. The answer updates the panel at
 * once; 412 (a newer version meanwhile) reads the panel again.
 */
export function useGiveVerdict(formId: string, meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ verdict, versionHash, reason = '' }: VerdictInput) =>
      unwrap(
        await api.POST('/api/v1/feedbackForms/{formId}/approvals', {
          params: { path: { formId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: { meeting: meetingId, versionHash, verdict, reason },
        }),
      ),
    onSuccess(form) {
      const snapshot: PanelSnapshot = { panel: panelOfForm(form, meetingId), etag: null };
      queryClient.setQueryData(feedbackKeys.panel(formId, meetingId), snapshot);
    },
    async onError(error) {
      if (isStale(error)) await queryClient.refetchQueries({ queryKey: feedbackKeys.panel(formId, meetingId) });
    },
  });
}

/** R-FB-3: the information officer transmits the approved form to the LTF, in the meeting. */
export function useTransmit(formId: string, meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/feedbackForms/{formId}/transmission', {
          params: formPath(formId),
          body: { meeting: meetingId },
        }),
      ),
    async onSuccess(form) {
      const snapshot: PanelSnapshot = { panel: panelOfForm(form, meetingId), etag: null };
      queryClient.setQueryData(feedbackKeys.panel(formId, meetingId), snapshot);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: feedbackKeys.list(form.case) }),
        queryClient.invalidateQueries({ queryKey: feedbackKeys.form(formId) }),
      ]);
    },
  });
}

/** The transmitted form as the PDF for the LTF (the information officer's copy; audited). */
export async function fetchTransmissionPdf(formId: string, fallback: { caseCode: string; round: number }) {
  const result = await api.GET('/api/v1/feedbackForms/{formId}/transmission', {
    params: formPath(formId),
    headers: { Accept: 'application/pdf' },
    parseAs: 'blob',
  });
  const blob = unwrap(result);
  const name = attachmentName(result.response.headers.get('Content-Disposition'), pdfName(fallback.caseCode, fallback.round));
  return { blob, name };
}
