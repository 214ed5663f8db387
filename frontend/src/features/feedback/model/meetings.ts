import type { components } from '@/api/schema';

type Meeting = components['schemas']['MeetingRead'];

/** The meetings that discuss a case's feedback form (R-FB-2), in session or held, newest first. */
export function feedbackMeetings(meetings: readonly Meeting[], caseId: string): Meeting[] {
  return meetings
    .filter(
      (meeting) =>
        (meeting.status === 'inSession' || meeting.status === 'held') &&
        meeting.agenda.some((item) => item.purpose === 'feedbackForm' && item.case === caseId),
    )
    .sort((a, b) => Number(b.status === 'inSession') - Number(a.status === 'inSession') || b.startsAt.localeCompare(a.startsAt));
}
