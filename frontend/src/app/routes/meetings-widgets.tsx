import { chairedTables, tableCellIds, useMe } from '@/features/auth';
import { CalendarFeedPanel, MeetingsHome } from '@/features/meetings';

// The meetings feature's parts of the home and profile pages, loaded on demand (React.lazy in
// home.tsx and profile.tsx) so the first download stays small.

/** A card per cell where the user sits at a table: the cadence, requests, next meetings. */
export function HomeMeetings() {
  const me = useMe();
  if (me.data === undefined) return null;
  const data = me.data;
  const seats = tableCellIds(data).map((cellId) => ({ cellId, chair: chairedTables(data, cellId).length > 0 }));
  return <MeetingsHome seats={seats} userId={data.id} />;
}

export function ProfileCalendar() {
  return <CalendarFeedPanel />;
}
