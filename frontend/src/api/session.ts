// The signed-in session. The access token lives in memory only: never in localStorage or
// sessionStorage, where any injected script could read it. The refresh token is an httpOnly,
// Secure, SameSite=Strict cookie scoped to /api/v1/auth that no script can read: on start-up
// `restore()` trades it for a new access token, so a reload keeps the user signed in.
//
// Refresh tokens rotate and a reused one ends the session on the server, so only one refresh may
// be in flight at a time: concurrent callers share one promise, and tabs queue behind a Web Lock.

export type SessionStatus = 'unknown' | 'signedIn' | 'signedOut';

/** Why the session ended: the sign-in page explains it. */
export type SessionEndReason = 'expired' | 'loggedOut' | 'passwordChanged';

export interface SessionSnapshot {
  /** `unknown` until the start-up refresh has answered. */
  readonly status: SessionStatus;
  /** The server refused a call until the password is changed (403 `passwordChangeRequired`). */
  readonly passwordChangeRequired: boolean;
  readonly endReason: SessionEndReason | null;
}

export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  passwordChangeRequired?: boolean | null | undefined;
}

/** `refreshed`: a new token; `ended`: the server refused the cookie; `unreachable`: ask later. */
export type RefreshOutcome = 'refreshed' | 'ended' | 'unreachable';

/** One call of `POST /api/v1/auth/refresh`: the new token, or null when the server said 401/400. */
export type RefreshRequest = () => Promise<IssuedAccessToken | null>;

export interface SessionOptions {
  requestRefresh?: RefreshRequest;
  /** Refresh this many seconds before the access token expires (at half-life for short tokens). */
  refreshMarginSec?: number;
  /** After a failed scheduled refresh (network), try again after this many seconds. */
  retryAfterUnreachableSec?: number;
  /** Serialise refreshes across tabs; defaults to the Web Locks API when the browser has it. */
  exclusive?: <T>(task: () => Promise<T>) => Promise<T>;
}

type Listener = () => void;

const REFRESH_PATH = '/api/v1/auth/refresh';
const LOCK_NAME = 'tafel.session.refresh';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The default refresh request: the cookie goes along by itself (same origin, path-scoped). */
export async function requestRefreshFromServer(): Promise<IssuedAccessToken | null> {
  const response = await globalThis.fetch(
    new Request(`${globalThis.location.origin}${REFRESH_PATH}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    }),
  );
  if (response.status === 401 || response.status === 400) return null;
  if (!response.ok) throw new Error(`refresh answered HTTP ${String(response.status)}`);
  const body: unknown = await response.json();
  if (
    !isRecord(body) ||
    typeof body.accessToken !== 'string' ||
    typeof body.expiresIn !== 'number'
  ) {
    throw new Error('refresh answered without an access token');
  }
  return { accessToken: body.accessToken, expiresIn: body.expiresIn };
}

async function webLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks === undefined) return task();
  return locks.request(LOCK_NAME, task);
}

export class Session {
  private accessToken: string | null = null;
  private snapshot: SessionSnapshot = {
    status: 'unknown',
    passwordChangeRequired: false,
    endReason: null,
  };
  private inFlight: Promise<RefreshOutcome> | null = null;
  /** Bumped when the session ends: a refresh answering afterwards must not sign back in. */
  private epoch = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly tokenListeners = new Set<(token: string | null) => void>();
  private readonly requestRefresh: RefreshRequest;
  private readonly refreshMarginSec: number;
  private readonly retryAfterUnreachableSec: number;
  private readonly exclusive: <T>(task: () => Promise<T>) => Promise<T>;

  constructor(options: SessionOptions = {}) {
    this.requestRefresh = options.requestRefresh ?? requestRefreshFromServer;
    this.refreshMarginSec = options.refreshMarginSec ?? 60;
    this.retryAfterUnreachableSec = options.retryAfterUnreachableSec ?? 30;
    this.exclusive = options.exclusive ?? webLock;
  }

  getAccessToken(): string | null {
    return this.accessToken;
  }

  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** For `useSyncExternalStore`: be told of every change; returns the unsubscribe. */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Be told when the token changes (sign-in, refresh, sign-out); returns the unsubscribe. */
  onTokenChange(listener: (token: string | null) => void): () => void {
    this.tokenListeners.add(listener);
    return () => this.tokenListeners.delete(listener);
  }

  /** The login (or a refresh) issued a token: keep it and plan its silent renewal. */
  signIn(issued: IssuedAccessToken): void {
    this.setToken(issued.accessToken);
    this.schedule(issued.expiresIn);
    this.update({
      status: 'signedIn',
      passwordChangeRequired: issued.passwordChangeRequired === true,
      endReason: null,
    });
  }

  /** Forget the token; `reason` tells the sign-in page what to say (none after a quiet start). */
  end(reason: SessionEndReason | null): void {
    this.epoch += 1;
    this.cancelTimer();
    this.setToken(null);
    this.update({ status: 'signedOut', passwordChangeRequired: false, endReason: reason });
  }

  /** A call answered 403 `passwordChangeRequired`: the app sends the user to change it. */
  requirePasswordChange(): void {
    if (this.snapshot.passwordChangeRequired) return;
    this.update({ ...this.snapshot, passwordChangeRequired: true });
  }

  /**
   * On start-up: trade the refresh cookie for an access token, once. Without a (valid) cookie the
   * user is simply signed out, without a "session ended" message.
   */
  async restore(): Promise<RefreshOutcome> {
    if (this.snapshot.status !== 'unknown') {
      return this.snapshot.status === 'signedIn' ? 'refreshed' : 'ended';
    }
    const outcome = await this.refresh();
    // Read again: the snapshot may have changed while the request was out.
    if (outcome !== 'refreshed' && this.getSnapshot().status === 'unknown') this.end(null);
    return outcome;
  }

  /**
   * Get a new access token from the cookie. Concurrent callers share the one request in flight,
   * so a rotating refresh token is never sent twice. When the server refuses it, the session ends
   * ("your session ended, log in again").
   */
  refresh(): Promise<RefreshOutcome> {
    this.inFlight ??= this.runRefresh().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Back to the state before start-up (tests). */
  reset(status: SessionStatus = 'signedOut'): void {
    this.epoch += 1;
    this.cancelTimer();
    this.inFlight = null;
    this.setToken(null);
    this.update({ status, passwordChangeRequired: false, endReason: null });
  }

  private async runRefresh(): Promise<RefreshOutcome> {
    const epoch = this.epoch;
    let issued: IssuedAccessToken | null;
    try {
      issued = await this.exclusive(() => this.requestRefresh());
    } catch {
      return 'unreachable';
    }
    if (epoch !== this.epoch) return 'ended'; // signed out meanwhile: keep it that way
    if (issued === null) {
      if (this.snapshot.status === 'signedIn') this.end('expired');
      return 'ended';
    }
    this.signIn({
      ...issued,
      passwordChangeRequired: issued.passwordChangeRequired ?? this.snapshot.passwordChangeRequired,
    });
    return 'refreshed';
  }

  private schedule(expiresInSec: number): void {
    this.cancelTimer();
    const margin = Math.min(this.refreshMarginSec, expiresInSec / 2);
    this.startTimer(Math.max(1, expiresInSec - margin));
  }

  private startTimer(delaySec: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh().then((outcome) => {
        if (outcome === 'unreachable' && this.snapshot.status === 'signedIn' && this.timer === null) {
          this.startTimer(this.retryAfterUnreachableSec);
        }
      });
    }, delaySec * 1000);
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private setToken(token: string | null): void {
    if (token === this.accessToken) return;
    this.accessToken = token;
    for (const listener of this.tokenListeners) listener(token);
  }

  private update(next: SessionSnapshot): void {
    const current = this.snapshot;
    if (
      current.status === next.status &&
      current.passwordChangeRequired === next.passwordChangeRequired &&
      current.endReason === next.endReason
    ) {
      return;
    }
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

/** The one session of the app. */
export const session = new Session();

export function getAccessToken(): string | null {
  return session.getAccessToken();
}

/** Sign in with a bare token (tests and tools); the app uses `session.signIn`. */
export function setAccessToken(token: string | null): void {
  if (token === null) session.end(null);
  else session.signIn({ accessToken: token, expiresIn: 600 });
}

export function clearAccessToken(): void {
  session.reset();
}

/** Be told when the token changes (sign-in, refresh, sign-out); returns the unsubscribe. */
export function onAccessTokenChange(listener: (token: string | null) => void): () => void {
  return session.onTokenChange(listener);
}
