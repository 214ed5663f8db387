import createClient, { type Middleware } from 'openapi-fetch';

import { currentLanguage } from '@/i18n';

import type { paths } from './schema';
import { session as appSession, type Session } from './session';

type Fetch = (request: Request) => Promise<Response>;

export interface ApiClientOptions {
  /** The API's origin; by default the page's own (the API process serves the app). */
  baseUrl?: string;
  fetch?: Fetch;
  /** The current UI language, asked per request so a switch applies to the next call. */
  language?: () => string;
  /** Where the access token comes from and who refreshes it; by default the app's session. */
  session?: Session;
}

const TOKEN_PROBLEMS = new Set([
  'urn:problem-type:belgif:expiredAccessToken',
  'urn:problem-type:belgif:invalidAccessToken',
]);
const PASSWORD_CHANGE_REQUIRED = 'urn:problem-type:tafel:passwordChangeRequired';
/** Login, code and refresh calls carry a challenge or no token: never refreshed and retried. */
const UNAUTHENTICATED_PATHS = ['/api/v1/auth/login', '/api/v1/auth/mfa', '/api/v1/auth/refresh'];

async function problemType(response: Response): Promise<string | undefined> {
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!contentType.includes('json')) return undefined;
  try {
    const body: unknown = await response.clone().json();
    if (typeof body === 'object' && body !== null && 'type' in body) {
      return typeof body.type === 'string' ? body.type : undefined;
    }
  } catch {
    // not JSON after all
  }
  return undefined;
}

function bearer(token: string | null): string | null {
  return token === null ? null : `Bearer ${token}`;
}

/**
 * `fetch` with the session's rules: a 401 for an expired or revoked access token is answered by
 * one refresh (shared with any other caller) and one retry with the new token; when the refresh
 * fails the session ends and the 401 stands. A 403 `passwordChangeRequired` flags the session so
 * the app routes to the password change.
 */
export function withSession(fetch: Fetch, session: Session): Fetch {
  return async (request) => {
    const sentWith = request.headers.get('Authorization');
    const { pathname } = new URL(request.url);
    const isLoginCall = UNAUTHENTICATED_PATHS.some((path) => pathname.startsWith(path));
    const retry = isLoginCall || sentWith === null ? null : request.clone();
    const response = await fetch(request);

    if (response.status === 403 && (await problemType(response)) === PASSWORD_CHANGE_REQUIRED) {
      session.requirePasswordChange();
      return response;
    }
    if (response.status !== 401 || retry === null) return response;
    if (!TOKEN_PROBLEMS.has((await problemType(response)) ?? '')) return response;

    // Another call may have refreshed meanwhile: then the new token is already there.
    const current = bearer(session.getAccessToken());
    const outcome = current !== null && current !== sentWith ? 'refreshed' : await session.refresh();
    const token = bearer(session.getAccessToken());
    // `ended`: the session has ended and the app shows the sign-in page; `unreachable`: the 401
    // stands and the next call tries again.
    if (outcome !== 'refreshed' || token === null) return response;
    const headers = new Headers(retry.headers);
    headers.set('Authorization', token);
    return fetch(new Request(retry, { headers }));
  };
}

function conventionsMiddleware(language: () => string, session: Session): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Accept-Language', language());
      // A login challenge sets its own Authorization header; keep it.
      const token = session.getAccessToken();
      if (token !== null && !request.headers.has('Authorization')) {
        request.headers.set('Authorization', `Bearer ${token}`);
      }
      return request;
    },
  };
}

/** A typed client for Tafel's API; calls mirror the paths of `openapi.yaml`. */
export function createApiClient(options: ApiClientOptions = {}) {
  const session = options.session ?? appSession;
  // Looked up per call, so test doubles (and MSW) installed after start-up are used.
  const fetch = options.fetch ?? ((input: Request) => globalThis.fetch(input));
  const client = createClient<paths>({
    // Same origin. Spelled out rather than '' so that the Request constructor also resolves it
    // outside a browser page (unit tests).
    baseUrl: options.baseUrl ?? globalThis.location.origin,
    fetch: withSession(fetch, session),
  });
  client.use(conventionsMiddleware(options.language ?? currentLanguage, session));
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The one client of the app. */
export const api = createApiClient();
