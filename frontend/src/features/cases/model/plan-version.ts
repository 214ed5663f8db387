import { ApiError } from '@/api/errors';

/**
 * A follow-up plan is edited by several people (R-CASE-8), so every change names the version it
 * starts from: `If-Match: "plan-<version>"`. The server answers 412 when someone else changed the
 * plan meanwhile (and 428 when the header is missing); then the app reloads the plan and says so.
 */

/** The plan's entity tag, as the server writes it. */
export function planEtag(version: number): string {
  return `"plan-${String(version)}"`;
}

const ETAG = /^(?:W\/)?"plan-(\d+)"$/;

/** The version an entity tag names, or `null` when it is not a plan's. */
export function versionOfEtag(etag: string | null | undefined): number | null {
  if (etag === null || etag === undefined) return null;
  const match = ETAG.exec(etag.trim());
  return match === null ? null : Number(match[1]);
}

/** The plan changed since it was read: reloaded, the user checks and tries again. */
export class StalePlanError extends Error {
  override readonly name = 'StalePlanError';
  readonly refusal: ApiError;

  constructor(refusal: ApiError) {
    super(refusal.detail ?? 'stale plan');
    this.refusal = refusal;
  }
}

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 412 || error.status === 428);
}

interface PlanChange<T> {
  /** The version the change starts from (read just before, or from the last answer). */
  version: number;
  /** Sends the change with the given `If-Match` value. */
  send: (ifMatch: string) => Promise<T>;
  /** Reloads the plan when it turned out stale. */
  reload: () => Promise<unknown>;
}

/** Send a plan change with `If-Match`; a stale version reloads the plan and throws `StalePlanError`. */
export async function changePlan<T>({ version, send, reload }: PlanChange<T>): Promise<T> {
  try {
    return await send(planEtag(version));
  } catch (error) {
    if (error instanceof ApiError && isStale(error)) {
      await reload();
      throw new StalePlanError(error);
    }
    throw error;
  }
}
