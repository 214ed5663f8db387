/**
 * Attendance at a meeting: who may be checked in (the invitees, those invited for one item, and
 * the table's members), who is, and what a change of the check boxes sends to the server.
 */

export interface Person {
  user: string;
  displayName: string;
}

interface AttendanceSource {
  invitees: readonly Person[];
  agenda: readonly { invitees: readonly string[] }[];
  attendance: readonly (Person & { present: boolean; acknowledged: boolean })[];
}

export interface Attendee {
  user: string;
  displayName: string;
  /** Invited to the meeting (or to one of its items). */
  invited: boolean;
  present: boolean;
  /** Confirmed the secrecy of this meeting (R-PRIV-4). */
  acknowledged: boolean;
}

/**
 * Everyone who can be checked in: the invitees first, then the other members of the table, each
 * group by name. A name missing from one source is taken from another.
 */
export function attendees(meeting: AttendanceSource, members: readonly Person[]): Attendee[] {
  const names = new Map<string, string>();
  for (const person of [...members, ...meeting.invitees, ...meeting.attendance]) {
    if (person.displayName !== '') names.set(person.user, person.displayName);
  }
  const invited = new Set([
    ...meeting.invitees.map((person) => person.user),
    ...meeting.agenda.flatMap((item) => item.invitees),
  ]);
  const records = new Map(meeting.attendance.map((record) => [record.user, record]));
  const everyone = new Set([...invited, ...members.map((member) => member.user), ...records.keys()]);
  return [...everyone]
    .map((user) => ({
      user,
      displayName: names.get(user) ?? '',
      invited: invited.has(user),
      present: records.get(user)?.present ?? false,
      acknowledged: records.get(user)?.acknowledged ?? false,
    }))
    .sort(
      (a, b) =>
        Number(b.invited) - Number(a.invited) || a.displayName.localeCompare(b.displayName) || a.user.localeCompare(b.user),
    );
}

export interface AttendanceChange {
  present: string[];
  absent: string[];
}

/**
 * What to send for the boxes as they are now: those newly ticked as present, those no longer
 * ticked as absent; nobody whose state does not change (re-sending "present" is harmless, but
 * "absent" would withdraw an acknowledgement). `null` when nothing changes.
 */
export function attendanceChange(
  records: readonly { user: string; present: boolean }[],
  checked: ReadonlySet<string>,
): AttendanceChange | null {
  const wasPresent = new Set(records.filter((record) => record.present).map((record) => record.user));
  const present = [...checked].filter((user) => !wasPresent.has(user)).sort();
  const absent = [...wasPresent].filter((user) => !checked.has(user)).sort();
  return present.length === 0 && absent.length === 0 ? null : { present, absent };
}

/** Present, acknowledged, and how many of those present have not acknowledged yet. */
export function attendanceCounts(list: readonly Attendee[]) {
  const present = list.filter((person) => person.present);
  const acknowledged = present.filter((person) => person.acknowledged);
  return { present: present.length, acknowledged: acknowledged.length, waiting: present.length - acknowledged.length };
}
