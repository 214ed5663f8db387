/**
 * The privacy guard (R-PRIV-2) reports where an identifier sits as offsets in Unicode code points
 * (the server is Python); a JavaScript string counts UTF-16 code units, so an emoji before the
 * finding would shift the highlight. These helpers convert the offsets and cut the text into
 * plain and highlighted parts.
 */

export interface Finding {
  kind: string;
  start: number;
  end: number;
  detail: string;
}

/** A highlighted range in UTF-16 offsets (end exclusive), with the findings it covers. */
export interface Span {
  start: number;
  end: number;
  findings: Finding[];
}

export interface Segment {
  text: string;
  marked: boolean;
}

/** The UTF-16 index of the `codePoints`-th code point of `text` (clamped to the text). */
export function codePointToUtf16(text: string, codePoints: number): number {
  if (codePoints <= 0) return 0;
  let index = 0;
  let seen = 0;
  while (index < text.length && seen < codePoints) {
    const code = text.codePointAt(index) ?? 0;
    index += code > 0xffff ? 2 : 1;
    seen += 1;
  }
  return index;
}

/** The findings as UTF-16 spans: clamped, empty ones dropped, overlapping ones merged, in order. */
export function toSpans(text: string, findings: readonly Finding[]): Span[] {
  const spans = findings
    .map((finding) => ({
      start: codePointToUtf16(text, finding.start),
      end: codePointToUtf16(text, finding.end),
      findings: [finding],
    }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last !== undefined && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.findings.push(...span.findings);
    } else {
      merged.push({ ...span, findings: [...span.findings] });
    }
  }
  return merged;
}

/** The text cut into plain and highlighted parts, in order; together they are the whole text. */
export function segments(text: string, spans: readonly Span[]): Segment[] {
  const parts: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) parts.push({ text: text.slice(at, span.start), marked: false });
    parts.push({ text: text.slice(span.start, span.end), marked: true });
    at = span.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

/**
 * A short excerpt around one span, to show what is highlighted without repeating a long text:
 * up to `radius` characters on each side, cut at a word boundary, with "…" where text was left out.
 */
export function excerpt(text: string, span: Pick<Span, 'start' | 'end'>, radius = 30): Segment[] {
  let from = Math.max(0, span.start - radius);
  let to = Math.min(text.length, span.end + radius);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < span.start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > span.end) to = space;
  }
  const parts: Segment[] = [];
  const before = text.slice(from, span.start);
  const after = text.slice(span.end, to);
  if (from > 0 || before !== '') parts.push({ text: `${from > 0 ? '…' : ''}${before}`, marked: false });
  parts.push({ text: text.slice(span.start, span.end), marked: true });
  if (to < text.length || after !== '') parts.push({ text: `${after}${to < text.length ? '…' : ''}`, marked: false });
  return parts;
}
