import { describe, expect, it } from 'vitest';

import { isInvited, upcomingFor } from './upcoming';

const now = new Date('2026-05-14T12:00:00Z');
const meeting = (id: string, status: string, startsAt: string, endsAt: string, invitees: string[], itemInvitees: string[] = []) => ({
  id,
  status,
  startsAt,
  endsAt,
  invitees: invitees.map((user) => ({ user })),
  agenda: [{ invitees: itemInvitees }],
});

describe('my next meetings', () => {
  const meetings = [
    meeting('later', 'planned', '2026-05-21T12:00:00Z', '2026-05-21T14:00:00Z', ['me']),
    meeting('soon', 'planned', '2026-05-15T12:00:00Z', '2026-05-15T14:00:00Z', ['other'], ['me']),
    meeting('past', 'planned', '2026-05-01T12:00:00Z', '2026-05-01T14:00:00Z', ['me']),
    meeting('cancelled', 'cancelled', '2026-05-16T12:00:00Z', '2026-05-16T14:00:00Z', ['me']),
    meeting('running late', 'inSession', '2026-05-14T08:00:00Z', '2026-05-14T10:00:00Z', ['me']),
    meeting('not mine', 'planned', '2026-05-17T12:00:00Z', '2026-05-17T14:00:00Z', ['other']),
  ];

  it('are those I am invited to (also for one item), in session or still to come, soonest first', () => {
    expect(upcomingFor(meetings, 'me', now).map((m) => m.id)).toEqual(['running late', 'soon', 'later']);
  });

  it('counts an invitation for one agenda item', () => {
    expect(isInvited(meetings[1] ?? meeting('x', 'planned', '', '', []), 'me')).toBe(true);
    expect(isInvited(meetings[5] ?? meeting('x', 'planned', '', '', ['me']), 'me')).toBe(false);
  });
});
