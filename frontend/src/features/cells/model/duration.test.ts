import { describe, expect, it } from 'vitest';

import { durationToDays, fromDays, inDays, toIsoDuration } from './duration';

describe('retention durations (R-PRIV-6)', () => {
  it.each([
    ['P730D', 730],
    ['P2Y', 730], // how the API writes 730 days back
    ['P1Y355D', 720], // … and 24 months
    ['P24M', 720],
    ['P4W', 28],
    ['P1Y6M', 545],
    ['PT48H', 2],
    ['P1DT12H', 2], // rounded
    ['p30d', 30],
    ['P0,5Y', 183],
  ])('%s is %i days', (iso, days) => {
    expect(durationToDays(iso)).toBe(days);
  });

  it.each(['', 'P', 'PT', '730', 'P2X', 'P-1D', 'PT1D', 'P1D2Y'])('%j is not a duration', (iso) => {
    expect(durationToDays(iso)).toBeNull();
  });

  it('sends days and months as the user gave them', () => {
    expect(toIsoDuration(730, 'days')).toBe('P730D');
    expect(toIsoDuration(24, 'months')).toBe('P24M');
    expect(toIsoDuration(24.9, 'months')).toBe('P24M');
  });

  it('counts a month as 30 days, as the API does', () => {
    expect(inDays(24, 'months')).toBe(720);
    expect(inDays(730, 'days')).toBe(730);
  });

  it('shows a stored duration in months only when it is a whole number of them', () => {
    expect(fromDays(720)).toEqual({ value: 24, unit: 'months' });
    expect(fromDays(730)).toEqual({ value: 730, unit: 'days' });
    expect(fromDays(0)).toEqual({ value: 0, unit: 'days' });
  });
});
