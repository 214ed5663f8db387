import { useTranslation } from 'react-i18next';

import { useMyCells } from '../api/use-meetings';
import { CadenceCard } from './CadenceCard';

export interface TableSeat {
  cellId: string;
  /** Chairs one of the cell's tables. */
  chair: boolean;
}

/** The home page's meeting cards: one per cell where the user sits at a table (loaded on demand). */
export function MeetingsHome({ seats, userId }: { seats: readonly TableSeat[]; userId: string }) {
  const { t } = useTranslation();
  const cells = useMyCells();
  if (seats.length === 0) return null;
  const names = new Map((cells.data?.items ?? []).map((cell) => [cell.id, cell.name]));
  return (
    <ul className="cards cards--first">
      {seats.map((seat) => (
        <CadenceCard
          key={seat.cellId}
          cellId={seat.cellId}
          cellName={names.get(seat.cellId) ?? t('meetings.home.yourCell')}
          userId={userId}
          chair={seat.chair}
        />
      ))}
    </ul>
  );
}
