import type { components } from '@/api/schema';

type Schemas = components['schemas'];
export type FormStatus = Schemas['FormStatus'];
type FormRead = Schemas['FeedbackFormRead'];

/**
 * Where a form stands, for the case page. Read without a meeting the server cannot judge the
 * consensus (it depends on who is present, R-FB-2) and says `draft`; the consensus it recorded on
 * the current version is in `consensusReachedAt`, so that counts too.
 */
export function formStatus(form: Pick<FormRead, 'status' | 'transmission' | 'consensusReachedAt'>): FormStatus {
  if (form.transmission !== null && form.transmission !== undefined) return 'transmitted';
  if (form.status === 'consensusReached') return 'consensusReached';
  if (form.consensusReachedAt !== null && form.consensusReachedAt !== undefined) return 'consensusReached';
  return form.status;
}

/** The first eight hex digits of a version hash: enough to tell versions apart when read aloud. */
export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}

/** The entity tag of a version (`ETag` of a form read), for `If-Match`. */
export function versionEtag(hash: string): string {
  return `"${hash}"`;
}

/** The PDF's name as the server suggests it (`Content-Disposition`), or `fallback`. */
export function attachmentName(contentDisposition: string | null | undefined, fallback: string): string {
  if (contentDisposition === null || contentDisposition === undefined) return fallback;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(contentDisposition);
  if (encoded?.[1] !== undefined) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // a malformed name: try the plain one
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(contentDisposition);
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim();
  // Never a path: only the last part, and only a name that is left after that.
  const base = name.split(/[/\\]/).at(-1) ?? '';
  return base === '' ? fallback : base;
}

/** The name Tafel gives the PDF when the server does not say (as the server names it). */
export function pdfName(caseCode: string, round: number): string {
  return `terugkoppeling-${caseCode}-r${String(round)}.pdf`;
}
