import { api } from '@/api/client';
import { unwrap } from '@/api/errors';

import type { ApprovalPanel } from '../model/panel';

/** The last panel read and its entity tag (`null` when it came from another answer). */
export interface PanelSnapshot {
  panel: ApprovalPanel;
  etag: string | null;
}

/**
 * Read the approval panel, sending the last entity tag in `If-None-Match`: 304 means nothing
 * changed, and the previous snapshot is returned as it is (the same object, so nothing re-renders).
 * `cache: 'no-store'` keeps the browser's own cache out of the way: Tafel decides what is fresh.
 */
export async function fetchPanel(
  formId: string,
  meetingId: string,
  previous: PanelSnapshot | undefined,
  signal?: AbortSignal,
): Promise<PanelSnapshot> {
  const header = previous?.etag === null || previous?.etag === undefined ? {} : { 'If-None-Match': previous.etag };
  const result = await api.GET('/api/v1/feedbackForms/{formId}/approvals', {
    params: { path: { formId }, query: { meeting: meetingId }, header },
    cache: 'no-store',
    ...(signal === undefined ? {} : { signal }),
  });
  if (result.response.status === 304) {
    // Without a tag sent the server never answers 304; a proxy that does is an error.
    if (previous !== undefined) return previous;
    throw new Error('304 without a previous approval panel');
  }
  const panel = unwrap(result);
  return { panel, etag: result.response.headers.get('ETag') };
}
