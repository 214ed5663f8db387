/**
 * The file name a `Content-Disposition: attachment` header gives (`filename*` first, as RFC 6266
 * asks), without any folder part; `fallback` when it gives none.
 */
export function attachmentName(header: string | null, fallback: string): string {
  if (header === null) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(header);
  let name: string | undefined;
  if (extended !== undefined) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  name ??= plain?.[1] ?? plain?.[2];
  const base = name?.split(/[/\\]/).at(-1)?.trim();
  return base === undefined || base === '' || base === '.' || base === '..' ? fallback : base;
}
