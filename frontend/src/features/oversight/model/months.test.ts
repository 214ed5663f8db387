import { describe, expect, it } from 'vitest';

import { lastMonths } from './months';

describe('meetings per month', () => {
  it('lists the last twelve months up to the computation, a month without meetings as 0', () => {
    const months = lastMonths(
      [
        { month: '2025-07', held: 1 },
        { month: '2026-02', held: 4 },
      ],
      '2026-02-14T10:00:00Z',
    );
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: '2025-03', held: 0 });
    expect(months.find((m) => m.month === '2025-07')?.held).toBe(1);
    expect(months.at(-1)).toEqual({ month: '2026-02', held: 4 });
  });

  it('crosses the turn of the year', () => {
    expect(lastMonths([], '2026-01-31T23:00:00Z', 2).map((m) => m.month)).toEqual(['2025-12', '2026-01']);
  });

  it('keeps the months as sent when the computation time is unreadable', () => {
    expect(lastMonths([{ month: '2026-01', held: 2 }], 'soon')).toEqual([{ month: '2026-01', held: 2 }]);
  });
});
