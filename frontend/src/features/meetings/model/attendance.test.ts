import { describe, expect, it } from 'vitest';

import { attendanceChange, attendanceCounts, attendees } from './attendance';

const meeting = {
  invitees: [
    { user: 'dro', displayName: 'Noor Vermeulen' },
    { user: 'clb', displayName: '' },
  ],
  agenda: [{ invitees: ['caw'] }, { invitees: [] }],
  attendance: [
    { user: 'dro', displayName: 'Noor Vermeulen', present: true, acknowledged: true },
    { user: 'io', displayName: 'Pieter Claes', present: false, acknowledged: false },
  ],
};
const members = [
  { user: 'dro', displayName: 'Noor Vermeulen' },
  { user: 'clb', displayName: 'Sara De Smet' },
  { user: 'io', displayName: 'Pieter Claes' },
  { user: 'alderman', displayName: 'Lotte Wouters' },
];

describe('who can be checked in', () => {
  it('lists the invitees first (also those invited for one item), then the other members, each by name', () => {
    const list = attendees(meeting, members);
    expect(list.map((person) => [person.user, person.invited])).toEqual([
      ['caw', true],
      ['dro', true],
      ['clb', true],
      ['alderman', false],
      ['io', false],
    ]);
  });

  it('takes a missing name from another source and keeps what was recorded', () => {
    const list = attendees(meeting, members);
    expect(list.find((person) => person.user === 'clb')?.displayName).toBe('Sara De Smet');
    expect(list.find((person) => person.user === 'dro')).toMatchObject({ present: true, acknowledged: true });
    expect(list.find((person) => person.user === 'alderman')).toMatchObject({ present: false, acknowledged: false });
  });

  it('counts those present and those who confirmed the secrecy', () => {
    expect(attendanceCounts(attendees(meeting, members))).toEqual({ present: 1, acknowledged: 1, waiting: 0 });
  });
});

describe('what a change of the boxes sends', () => {
  const records = [
    { user: 'dro', present: true },
    { user: 'io', present: false },
    { user: 'clb', present: true },
  ];

  it('sends only who changes: newly present, and no longer present', () => {
    expect(attendanceChange(records, new Set(['dro', 'io', 'alderman']))).toEqual({
      present: ['alderman', 'io'],
      absent: ['clb'],
    });
  });

  it('does not re-send those still present (an absent mark would withdraw their acknowledgement)', () => {
    expect(attendanceChange(records, new Set(['dro', 'clb', 'alderman']))).toEqual({ present: ['alderman'], absent: [] });
  });

  it('is null when nothing changes, and never marks someone absent who was never present', () => {
    expect(attendanceChange(records, new Set(['dro', 'clb']))).toBeNull();
    expect(attendanceChange([], new Set())).toBeNull();
  });
});
