import createClient, { type Middleware } from 'openapi-fetch';

import { currentLanguage } from '@/i18n';

import type { paths } from './schema';
import { getAccessToken } from './session';

export interface ApiClientOptions {
  /** The API's origin; by default the page's own (the API process serves the app). */
  baseUrl?: string;
  fetch?: (request: Request) => Promise<Response>;
  /** The current UI language, asked per request so a switch applies to the next call. */
  language?: () => string;
}

function conventionsMiddleware(language: () => string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Accept-Language', language());
      const token = getAccessToken();
      if (token !== null) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
}

/** A typed client for Tafel's API; calls mirror the paths of `openapi.yaml`. */
export function createApiClient(options: ApiClientOptions = {}) {
  const client = createClient<paths>({
    // Same origin. Spelled out rather than '' so that the Request constructor also resolves it
    // outside a browser page (unit tests).
    baseUrl: options.baseUrl ?? globalThis.location.origin,
    // Looked up per call, so test doubles (and MSW) installed after start-up are used.
    fetch: options.fetch ?? ((input: Request) => globalThis.fetch(input)),
  });
  client.use(conventionsMiddleware(options.language ?? currentLanguage));
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The one client of the app. */
export const api = createApiClient();
