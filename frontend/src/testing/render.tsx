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
