import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';

/** A query client without retries or caching between tests. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

export function renderWithQuery(ui: ReactElement): RenderResult {
  return render(<QueryClientProvider client={createTestQueryClient()}>{ui}</QueryClientProvider>);
}

/** Render route objects at a path, as the app's router would. */
export function renderRoutes(routes: RouteObject[], path = '/'): RenderResult {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return renderWithQuery(<RouterProvider router={router} />);
}

/** A `fetch` double answering with a JSON body; records the requests it saw. */
export function respondWith(status: number, body: unknown, contentType = 'application/json') {
  const requests: Request[] = [];
  const fetch = (request: Request): Promise<Response> => {
    requests.push(request);
    return Promise.resolve(
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } }),
    );
  };
  return { fetch, requests };
}

type Handler = (request: Request) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

const BELGIF_CODES = new Set([
  'badRequest',
  'noAccessToken',
  'invalidAccessToken',
  'expiredAccessToken',
  'missingPermission',
  'resourceNotFound',
  'tooManyFailedRequests',
]);

/** A problem+json answer as the API sends it. */
export function problem(status: number, code: string, detail: string, extra: object = {}): Response {
  const family = BELGIF_CODES.has(code) ? 'belgif' : 'tafel';
  return new Response(
    JSON.stringify({
      type: `urn:problem-type:${family}:${code}`,
      title: 'Problem',
      status,
      detail,
      instance: 'urn:uuid:00000000-0000-4000-8000-000000000000',
      ...extra,
    }),
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/**
 * A `fetch` double answering by "METHOD /path" (query ignored); each handler may be a list,
 * answered in turn (the last one repeats). Unknown routes answer 404. Records every request.
 */
export function fakeApi(routes: Record<string, Handler | Handler[]>) {
  const requests: Request[] = [];
  const served = new Map<string, number>();
  const fetch = async (request: Request): Promise<Response> => {
    requests.push(request.clone());
    const key = `${request.method} ${new URL(request.url).pathname}`;
    const route = routes[key];
    if (route === undefined) return problem(404, 'resourceNotFound', `no route ${key}`);
    const list = Array.isArray(route) ? route : [route];
    const index = served.get(key) ?? 0;
    served.set(key, index + 1);
    const handler = list[Math.min(index, list.length - 1)];
    if (handler === undefined) throw new Error(`no handler for ${key}`);
    return handler(request);
  };
  const calls = (key: string) =>
    requests.filter((request) => `${request.method} ${new URL(request.url).pathname}` === key);
  return { fetch, requests, calls };
}
