import { describe, expect, it } from 'vitest';

import type { components } from '@/api/schema';

import { feedbackMeetings } from './meetings';

type Meeting = components['schemas']['MeetingRead'];

function meeting(id: string, status: Meeting['status'], startsAt: string, purpose: 'feedbackForm' | 'evaluation', caseId = 'case'): Meeting {
  return {
    id,
    cell: 'cell',
    table: 'operational',
    startsAt,
    endsAt: startsAt,
    place: '',
    onlineLink: '',
    status,
    invitees: [],
    agenda: [{ id: `${id}-item`, position: 1, purpose, case: caseId, caseCode: 'LB-1', invitees: [] }],
    attendance: [],
  };
}

describe('the meetings that discuss a feedback form', () => {
  it('are those in session or held with the case on the agenda for the form, in session first, then newest', () => {
    const found = feedbackMeetings(
      [
        meeting('old', 'held', '2026-03-01T12:00:00Z', 'feedbackForm'),
        meeting('planned', 'planned', '2026-06-01T12:00:00Z', 'feedbackForm'),
        meeting('now', 'inSession', '2026-05-01T12:00:00Z', 'feedbackForm'),
        meeting('recent', 'held', '2026-04-01T12:00:00Z', 'feedbackForm'),
        meeting('evaluation', 'held', '2026-04-02T12:00:00Z', 'evaluation'),
        meeting('other', 'held', '2026-04-03T12:00:00Z', 'feedbackForm', 'other-case'),
      ],
      'case',
    );
    expect(found.map((item) => item.id)).toEqual(['now', 'recent', 'old']);
  });
});
