import { describe, expect, it } from 'vitest';

import { axisMaximum, countText, SUPPRESSED, toChartRows } from './breakdown';

const nl = (value: number) => new Intl.NumberFormat('nl-BE').format(value);
const upper = (label: string) => label.toUpperCase();

describe('breakdown rows (R-TAB-3)', () => {
  it('draws a shown count as a solid bar of its length, labelled with the localised number', () => {
    const [row] = toChartRows([{ label: 'school', count: { display: '1234', value: 1234 } }], upper, nl);
    expect(row).toEqual({
      key: 'school',
      label: 'SCHOOL',
      text: '1.234',
      suppressed: false,
      shown: 1234,
      placeholder: null,
      shownLabel: '1.234',
      placeholderLabel: null,
    });
  });

  it('draws a suppressed count as a <5 placeholder over the range 0–5, never its value', () => {
    const [row] = toChartRows([{ label: 'work', count: { display: '<5' } }], upper, nl);
    expect(row).toMatchObject({
      text: SUPPRESSED,
      suppressed: true,
      shown: null,
      placeholder: 5,
      shownLabel: null,
      placeholderLabel: '<5',
    });
  });

  it('suppresses a value below five even if one came along', () => {
    const [row] = toChartRows([{ label: 'work', count: { display: '3', value: 3 } }], upper, nl);
    expect(row?.suppressed).toBe(true);
    expect(row?.shown).toBeNull();
    expect(JSON.stringify(row)).not.toContain('3');
    expect(countText({ display: '0', value: 0 }, nl)).toBe('<5');
  });

  it('keeps the order of the API (the vocabulary’s own order)', () => {
    const rows = toChartRows(
      [
        { label: 'b', count: { display: '7', value: 7 } },
        { label: 'a', count: { display: '<5' } },
      ],
      upper,
      nl,
    );
    expect(rows.map((row) => row.key)).toEqual(['b', 'a']);
  });

  it('ends the value axis at the largest count, and at five at least', () => {
    expect(axisMaximum([{ shown: null }, { shown: null }])).toBe(5);
    expect(axisMaximum([{ shown: 12 }, { shown: null }])).toBe(12);
    expect(axisMaximum([])).toBe(5);
  });
});
