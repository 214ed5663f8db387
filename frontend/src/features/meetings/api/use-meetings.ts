import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';

import { api } from '@/api/client';
import { ApiError, unwrap } from '@/api/errors';
import type { components } from '@/api/schema';

type Schemas = components['schemas'];
export type Cadence = Schemas['CadenceRead'];
export type CadenceMode = Schemas['CadenceMode'];
export type Meeting = Schemas['MeetingRead'];
export type MeetingCreate = Schemas['MeetingCreate'];
export type MeetingReplan = Schemas['MeetingReplan'];
export type MeetingStatus = Schemas['MeetingStatus'];
export type AgendaItem = Schemas['AgendaItemRead'];
export type AgendaPurpose = Schemas['AgendaPurpose'];
export type AttendanceRecord = Schemas['AttendanceRead'];
export type Minutes = Schemas['MinutesRead'];
export type MinutesEntry = Schemas['MinutesEntryRead'];
export type DecisionCreate = Schemas['DecisionCreate'];
export type Decision = Schemas['Decision'];
export type WeighingDecision = Schemas['WeighingDecision'];
export type MinutesActionCreate = Schemas['MinutesActionCreate'];
export type MeetingRequest = Schemas['RequestRead'];
export type RequestStatus = Schemas['RequestStatus'];
export type RequestAnswer = Schemas['RequestAnswer'];
export type TableKind = Schemas['TableKind'];
export type CaseSummary = Schemas['CaseSummary'];
export type CaseStatus = Schemas['CaseStatus'];
export type Table = Schemas['TableRead'];
export type Organisation = Schemas['OrganisationRead'];
export type CalendarFeedStatus = Schemas['CalendarFeedStatus'];

/**
 * Keys: a cell's meeting data under `['cells', cellId, …]` (so a change to the cell refreshes it
 * too), one meeting and its minutes under `['meetings', id]`. Tables, organisations, the cell and
 * its case list use the cells and cases features' keys with the same raw API data: the cache is
 * shared.
 */
export const meetingKeys = {
  cadence: (cellId: string) => ['cells', cellId, 'cadence'] as const,
  list: (cellId: string) => ['cells', cellId, 'meetings'] as const,
  requests: (cellId: string) => ['cells', cellId, 'meetingRequests'] as const,
  requestList: (cellId: string, status: RequestStatus | null) => ['cells', cellId, 'meetingRequests', status] as const,
  meeting: (meetingId: string) => ['meetings', meetingId] as const,
  minutes: (meetingId: string) => ['meetings', meetingId, 'minutes'] as const,
  cells: ['cells', 'list'] as const,
  cell: (cellId: string) => ['cells', cellId, 'detail'] as const,
  tables: (cellId: string) => ['cells', cellId, 'tables'] as const,
  organisations: (cellId: string) => ['cells', cellId, 'organisations'] as const,
  cases: (cellId: string) => ['cells', cellId, 'cases'] as const,
  openCases: (cellId: string) => ['cells', cellId, 'cases', 'agenda'] as const,
  case: (caseId: string) => ['cases', caseId] as const,
  calendarFeed: ['me', 'calendarFeed'] as const,
};

const cellPath = (cellId: string) => ({ params: { path: { cellId } } });
const meetingPath = (meetingId: string) => ({ params: { path: { meetingId } } });

/** R-PRIV-4: present, but the secrecy of this meeting is not confirmed yet. */
export function needsMeetingAcknowledgement(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.rule === 'R-PRIV-4';
}

/** The minutes are for those present (`notPresent`). */
export function notPresent(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'notPresent';
}

export function useCadence(cellId: string) {
  return useQuery({
    queryKey: meetingKeys.cadence(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}/cadence', cellPath(cellId))),
    staleTime: 30_000,
  });
}

/** Every meeting of the tables the caller sits at (a cell holds a few dozen a year at most). */
export function useMeetings(cellId: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.list(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}/meetings', cellPath(cellId))),
    enabled,
    staleTime: 10_000,
  });
}

/** One meeting; while it is in session it is read again every few seconds (who checked in). */
export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: meetingKeys.meeting(meetingId),
    queryFn: async () => unwrap(await api.GET('/api/v1/meetings/{meetingId}', meetingPath(meetingId))),
    refetchInterval: (query) => (query.state.data?.status === 'inSession' ? 5_000 : false),
  });
}

/**
 * The minutes, for those present who confirmed the meeting's secrecy (R-PRIV-4). Every read is
 * audited on the server, so they are read when shown and after a change, never polled.
 */
export function useMinutes(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.minutes(meetingId),
    queryFn: async () => unwrap(await api.GET('/api/v1/meetings/{meetingId}/minutes', meetingPath(meetingId))),
    enabled,
    staleTime: 0,
  });
}

export function useMyCells() {
  return useQuery({
    queryKey: meetingKeys.cells,
    queryFn: async () => unwrap(await api.GET('/api/v1/cells')),
  });
}

export function useCellInfo(cellId: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.cell(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}', cellPath(cellId))),
    enabled,
  });
}

export function useTables(cellId: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.tables(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}/tables', cellPath(cellId))),
    enabled,
  });
}

export function useOrganisations(cellId: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.organisations(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}/organisations', cellPath(cellId))),
    enabled,
  });
}

const OPEN_STATUSES: CaseStatus[] = ['registered', 'fileBuilding', 'weighing', 'followUp', 'evaluation'];

/** The open cases (codes and steps only) to put on an agenda; the operational table only. */
export function useOpenCases(cellId: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.openCases(cellId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cells/{cellId}/cases', {
          params: { path: { cellId }, query: { status: OPEN_STATUSES, pageSize: 100 } },
        }),
      ),
    enabled,
    staleTime: 0,
  });
}

export function useMeetingRequests(cellId: string, status: RequestStatus | null = null, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.requestList(cellId, status),
    queryFn: async () => {
      const query = status === null ? {} : { status };
      return unwrap(await api.GET('/api/v1/cells/{cellId}/meetingRequests', { params: { path: { cellId }, query } }));
    },
    enabled,
    staleTime: 0,
  });
}

/** After any change to a meeting: the cell's list and its cadence are read again. */
async function refreshCell(queryClient: QueryClient, cellId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: meetingKeys.list(cellId) }),
    queryClient.invalidateQueries({ queryKey: meetingKeys.cadence(cellId) }),
  ]);
}

/** A change answered with the whole meeting: the cache takes the answer. */
function useMeetingChange<Input>(call: (input: Input) => Promise<Meeting>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    async onSuccess(meeting) {
      queryClient.setQueryData(meetingKeys.meeting(meeting.id), meeting);
      await refreshCell(queryClient, meeting.cell);
    },
  });
}

export function usePlanMeeting(cellId: string) {
  return useMeetingChange(async (body: MeetingCreate) =>
    unwrap(await api.POST('/api/v1/cells/{cellId}/meetings', { ...cellPath(cellId), body })),
  );
}

export function useReplanMeeting(meetingId: string) {
  return useMeetingChange(async (body: MeetingReplan) =>
    unwrap(await api.PUT('/api/v1/meetings/{meetingId}', { ...meetingPath(meetingId), body })),
  );
}

/** Open (`inSession`, R-MEM-4), close (`held`) or cancel. */
export function useChangeMeetingStatus(meetingId: string) {
  return useMeetingChange(async (status: MeetingStatus) =>
    unwrap(await api.PATCH('/api/v1/meetings/{meetingId}', { ...meetingPath(meetingId), body: { status } })),
  );
}

export function useRecordAttendance(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { present: string[]; absent: string[] }) =>
      unwrap(await api.PUT('/api/v1/meetings/{meetingId}/attendance', { ...meetingPath(meetingId), body })),
    async onSuccess(meeting) {
      queryClient.setQueryData(meetingKeys.meeting(meetingId), meeting);
      await queryClient.invalidateQueries({ queryKey: meetingKeys.minutes(meetingId) });
    },
  });
}

/** R-PRIV-4: the attendee confirms, for this meeting, that what is shared stays at the table. */
export function useAcknowledgeMeeting(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      unwrap(await api.POST('/api/v1/meetings/{meetingId}/acknowledgement', meetingPath(meetingId)));
    },
    async onSuccess() {
      await queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(meetingId) });
    },
  });
}

/** A decision moves the case (naming this meeting): the case and the cell's lists are read again. */
export function useRecordDecision(meeting: Pick<Meeting, 'id' | 'cell'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body }: { body: DecisionCreate; caseId: string }) =>
      unwrap(await api.POST('/api/v1/meetings/{meetingId}/decisions', { ...meetingPath(meeting.id), body })),
    async onSuccess(minutes, { caseId }) {
      queryClient.setQueryData(meetingKeys.minutes(meeting.id), minutes);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meetingKeys.case(caseId) }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.cases(meeting.cell) }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.requests(meeting.cell) }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.cadence(meeting.cell) }),
      ]);
    },
  });
}

export function useRecordAction(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: MinutesActionCreate) =>
      unwrap(await api.POST('/api/v1/meetings/{meetingId}/actions', { ...meetingPath(meetingId), body })),
    onSuccess(minutes) {
      queryClient.setQueryData(meetingKeys.minutes(meetingId), minutes);
    },
  });
}

export function useRequestMeeting(cellId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (reason: string) =>
      unwrap(await api.POST('/api/v1/cells/{cellId}/meetingRequests', { ...cellPath(cellId), body: { reason } })),
    async onSuccess() {
      await queryClient.invalidateQueries({ queryKey: meetingKeys.requests(cellId) });
    },
  });
}

export function useAnswerRequest(cellId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ requestId, body }: { requestId: string; body: RequestAnswer }) =>
      unwrap(
        await api.PATCH('/api/v1/cells/{cellId}/meetingRequests/{requestId}', {
          params: { path: { cellId, requestId } },
          body,
        }),
      ),
    async onSuccess() {
      await queryClient.invalidateQueries({ queryKey: meetingKeys.requests(cellId) });
    },
  });
}

/** The cell's meetings as iCalendar text (the call needs the bearer token: no plain link). */
export async function fetchCellCalendar(cellId: string): Promise<string> {
  return unwrap(await api.GET('/api/v1/cells/{cellId}/meetings.ics', { ...cellPath(cellId), parseAs: 'text' }));
}

/**
 * Whether I have a personal calendar link, and since when: `null` when there is none (404). The
 * link itself is shown only once, when it is made.
 */
export function useCalendarFeed() {
  return useQuery({
    queryKey: meetingKeys.calendarFeed,
    queryFn: async (): Promise<CalendarFeedStatus | null> => {
      const result = await api.GET('/api/v1/me/calendarFeed');
      if (result.response.status === 404) return null;
      return unwrap(result);
    },
  });
}

/** A new personal calendar link; the previous one stops working. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/me/calendarFeed')),
    async onSuccess() {
      await queryClient.invalidateQueries({ queryKey: meetingKeys.calendarFeed });
    },
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      unwrap(await api.DELETE('/api/v1/me/calendarFeed'));
    },
    onSuccess() {
      queryClient.setQueryData(meetingKeys.calendarFeed, null);
    },
  });
}
