import type { components } from '@/api/schema';

export type Count = components['schemas']['CountRead'];
export type LabelledCount = components['schemas']['LabelledCount'];

/**
 * R-TAB-3: a count below five could point at a person, so it is never shown — the API sends `<5`
 * without a value. The screen holds to the same line even if a value ever came along.
 */
export const SUPPRESSION_THRESHOLD = 5;
export const SUPPRESSED = `<${String(SUPPRESSION_THRESHOLD)}`;

/** The value that may be shown, or `null` for a suppressed count. */
export function shownValue(count: Count): number | null {
  const { value } = count;
  return value === null || value === undefined || value < SUPPRESSION_THRESHOLD ? null : value;
}

/** A count as the table shows it: the number in the UI language, or `<5`. */
export function countText(count: Count, formatNumber: (value: number) => string): string {
  const value = shownValue(count);
  return value === null ? SUPPRESSED : formatNumber(value);
}

/**
 * One bar of a breakdown. A shown count is a solid bar of its length (`shown`); a suppressed one
 * a hatched placeholder over the whole range it may lie in, 0 to 5 (`placeholder`), labelled
 * `<5`: its true value is in neither. Each row fills exactly one of the two.
 */
export interface ChartRow {
  /** The API's label (a vocabulary value or a NIS code). */
  key: string;
  /** The label in the UI language. */
  label: string;
  /** What the table says: "12" or "<5". */
  text: string;
  suppressed: boolean;
  shown: number | null;
  placeholder: number | null;
  /** The bar's label, on the bar of the same kind only. */
  shownLabel: string | null;
  placeholderLabel: string | null;
}

export function toChartRows(
  counts: readonly LabelledCount[],
  labelOf: (label: string) => string,
  formatNumber: (value: number) => string,
): ChartRow[] {
  return counts.map(({ label, count }) => {
    const value = shownValue(count);
    const text = countText(count, formatNumber);
    const suppressed = value === null;
    return {
      key: label,
      label: labelOf(label),
      text,
      suppressed,
      shown: value,
      placeholder: suppressed ? SUPPRESSION_THRESHOLD : null,
      shownLabel: suppressed ? null : text,
      placeholderLabel: suppressed ? SUPPRESSED : null,
    };
  });
}

/** The end of the value axis: the largest shown count, and never less than the placeholder. */
export function axisMaximum(rows: readonly Pick<ChartRow, 'shown'>[]): number {
  return Math.max(SUPPRESSION_THRESHOLD, ...rows.map((row) => row.shown ?? 0));
}
