import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/api/session';
import { createTestQueryClient, fakeApi, json, problem } from '@/testing/render';

import { StalePlanError } from '../model/plan-version';
import { useUpdateAction } from './use-cases';

const CASE = '44444444-4444-4444-8444-444444444444';
const ACTION = '55555555-5555-4555-8555-555555555555';

function caseWithPlan(version: number, status: string) {
  return json(200, caseBody(version, status));
}

function caseBody(version: number, status: string) {
  return {
    id: CASE,
    code: 'LB-2026-0001',
    status: 'followUp',
    plan: {
      version,
      startedOn: '2026-05-01',
      actions: [{ id: ACTION, description: 'Gesprek', organisation: 'o', dueOn: '2026-05-10', status, overdue: false, notes: [] }],
    },
  };
}

function wrapper() {
  const client = createTestQueryClient();
  return {
    client,
    Wrapper: ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>,
  };
}

describe('changing an action (If-Match)', () => {
  it('names the plan version it starts from and keeps the new one', async () => {
    const api = fakeApi({
      [`GET /api/v1/cases/${CASE}`]: () => caseWithPlan(3, 'open'),
      [`PATCH /api/v1/cases/${CASE}/plan/actions/${ACTION}`]: () =>
        json(200, { version: 4, startedOn: '2026-05-01', actions: [] }, { ETag: '"plan-4"' }),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const { client, Wrapper } = wrapper();
    const { result } = renderHook(() => useUpdateAction('cell', CASE), { wrapper: Wrapper });

    result.current.mutate({ actionId: ACTION, change: { status: 'done', note: 'Afgerond.' } });

    await waitFor(() => {
      expect(result.current.isSuccess).toBe(true);
    });
    const patch = api.calls(`PATCH /api/v1/cases/${CASE}/plan/actions/${ACTION}`)[0];
    expect(patch?.headers.get('If-Match')).toBe('"plan-3"');
    expect(await patch?.json()).toEqual({ status: 'done', note: 'Afgerond.' });
    expect(client.getQueryData<{ plan: { version: number } }>(['cases', CASE])?.plan.version).toBe(4);
  });

  it('reloads the plan when someone else changed it (412)', async () => {
    const api = fakeApi({
      [`GET /api/v1/cases/${CASE}`]: () => caseWithPlan(5, 'inProgress'),
      [`PATCH /api/v1/cases/${CASE}/plan/actions/${ACTION}`]: () =>
        problem(412, 'staleVersion', 'Iemand anders heeft dit intussen gewijzigd.'),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const { client, Wrapper } = wrapper();
    // The page has read the case (version 3) before someone else moved it to 5.
    client.setQueryData(['cases', CASE], caseBody(3, 'open'));
    const { result } = renderHook(() => useUpdateAction('cell', CASE), { wrapper: Wrapper });

    result.current.mutate({ actionId: ACTION, change: { note: 'Gesprek gehad.' } });

    await waitFor(() => {
      expect(result.current.error).toBeInstanceOf(StalePlanError);
    });
    expect(api.calls(`PATCH /api/v1/cases/${CASE}/plan/actions/${ACTION}`)[0]?.headers.get('If-Match')).toBe('"plan-3"');
    await waitFor(() => {
      expect(client.getQueryState(['cases', CASE])?.isInvalidated).toBe(true);
    });
  });
});
