import { describe, expect, it } from 'vitest';

import { codePointToUtf16, excerpt, segments, toSpans, type Finding } from './privacy-spans';

function finding(start: number, end: number, kind = 'nationalRegisterNumber'): Finding {
  return { kind, start, end, detail: `${kind} here` };
}

describe('privacy highlight spans (R-PRIV-2)', () => {
  it('turns code point offsets into UTF-16 ones', () => {
    const text = 'Leerling 😀 85.07.30-033.28';
    // The server (Python) counts the emoji as one character, JavaScript as two.
    expect(codePointToUtf16(text, 11)).toBe(12);
    const [span] = toSpans(text, [finding(11, 26)]);
    expect(span === undefined ? '' : text.slice(span.start, span.end)).toBe('85.07.30-033.28');
  });

  it('keeps plain text offsets as they are and clamps to the text', () => {
    expect(codePointToUtf16('abc', 2)).toBe(2);
    expect(codePointToUtf16('abc', 10)).toBe(3);
    expect(codePointToUtf16('abc', -1)).toBe(0);
  });

  it('merges overlapping findings, orders them and drops empty ones', () => {
    const spans = toSpans('0123456789abcdef', [finding(8, 12, 'iban'), finding(2, 5), finding(4, 6, 'phoneNumber'), finding(9, 9)]);
    expect(spans.map(({ start, end }) => [start, end])).toEqual([
      [2, 6],
      [8, 12],
    ]);
    expect(spans[0]?.findings.map((f) => f.kind)).toEqual(['nationalRegisterNumber', 'phoneNumber']);
  });

  it('cuts the text into plain and marked parts that add up to the whole', () => {
    const text = 'rrn 85.07.30-033.28 en mail a@b.be.';
    const spans = toSpans(text, [finding(4, 19), finding(28, 34, 'email')]);
    const parts = segments(text, spans);
    expect(parts).toEqual([
      { text: 'rrn ', marked: false },
      { text: '85.07.30-033.28', marked: true },
      { text: ' en mail ', marked: false },
      { text: 'a@b.be', marked: true },
      { text: '.', marked: false },
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });

  it('shows a short excerpt around a span, cut at words', () => {
    const text = 'Sinds september voerden we gesprekken met de leerling en de ouders; nummer 85.07.30-033.28 is bij ons bekend, verder niets.';
    const start = text.indexOf('85.');
    const parts = excerpt(text, { start, end: start + 15 }, 20);
    expect(parts).toEqual([
      { text: '…de ouders; nummer ', marked: false },
      { text: '85.07.30-033.28', marked: true },
      { text: ' is bij ons bekend,…', marked: false },
    ]);
    expect(excerpt('85.07.30-033.28', { start: 0, end: 15 })).toEqual([{ text: '85.07.30-033.28', marked: true }]);
  });
});
