interface Invitable {
  status: string;
  startsAt: string;
  endsAt: string;
  invitees: readonly { user: string }[];
  agenda: readonly { invitees: readonly string[] }[];
}

/** Whether the user is invited to the meeting, or to one of its items (R-TAB-2). */
export function isInvited(meeting: Invitable, userId: string): boolean {
  return (
    meeting.invitees.some((person) => person.user === userId) ||
    meeting.agenda.some((item) => item.invitees.includes(userId))
  );
}

/** The meetings in session or still to come the user is invited to, soonest first. */
export function upcomingFor<T extends Invitable>(meetings: readonly T[], userId: string, now: Date): T[] {
  return meetings
    .filter(
      (meeting) =>
        (meeting.status === 'inSession' || (meeting.status === 'planned' && Date.parse(meeting.endsAt) >= now.getTime())) &&
        isInvited(meeting, userId),
    )
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}
