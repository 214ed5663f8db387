import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/api/session';
import { createTestQueryClient, fakeApi, json, problem } from '@/testing/render';

import type { ApprovalPanel } from '../model/panel';
import { fetchPanel } from './panel-fetch';
import { StaleFormError, useEditForm, useGiveVerdict } from './use-feedback';

const FORM = '55555555-5555-4555-8555-555555555555';
const MEETING = '44444444-4444-4444-8444-444444444444';
const V1 = '1'.repeat(64);
const V2 = '2'.repeat(64);
const PANEL_PATH = `GET /api/v1/feedbackForms/${FORM}/approvals`;

function panel(versionHash = V1): ApprovalPanel {
  return {
    form: FORM,
    status: 'draft',
    version: versionHash === V1 ? 1 : 2,
    versionHash,
    meeting: MEETING,
    approvers: ['noor'],
    awaiting: ['noor'],
    verdicts: [],
    people: [{ id: 'noor', displayName: 'Noor Vermeulen' }],
    consensusReachedAt: null,
    transmitted: false,
  };
}

function form(hash: string, number: number) {
  return {
    id: FORM,
    case: 'case',
    caseCode: 'LB-2026-0001',
    round: 1,
    status: 'draft',
    current: { number, hash, createdAt: '2026-05-14T12:00:00Z', createdBy: 'noor', content: {} },
    versions: number,
    approvers: ['noor'],
    awaiting: [],
    verdicts: [{ member: 'noor', displayName: 'Noor Vermeulen', verdict: 'approved', versionHash: hash }],
    people: [{ id: 'noor', displayName: 'Noor Vermeulen' }],
  };
}

function wrapper() {
  const client = createTestQueryClient();
  return {
    client,
    Wrapper: ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>,
  };
}

describe('polling the approval panel', () => {
  it('sends the last entity tag and keeps the previous panel, the same object, on 304', async () => {
    const api = fakeApi({
      [PANEL_PATH]: [() => json(200, panel(), { ETag: '"tag-1"' }), () => new Response(null, { status: 304, headers: { ETag: '"tag-1"' } })],
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });

    const first = await fetchPanel(FORM, MEETING, undefined);
    expect(first).toEqual({ panel: panel(), etag: '"tag-1"' });
    const second = await fetchPanel(FORM, MEETING, first);
    expect(second).toBe(first);

    const [plain, conditional] = api.calls(PANEL_PATH);
    expect(plain?.headers.get('If-None-Match')).toBeNull();
    expect(conditional?.headers.get('If-None-Match')).toBe('"tag-1"');
    expect(new URL(conditional?.url ?? '').searchParams.get('meeting')).toBe(MEETING);
  });

  it('takes a changed panel and its new tag', async () => {
    const api = fakeApi({ [PANEL_PATH]: () => json(200, panel(V2), { ETag: '"tag-2"' }) });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const changed = await fetchPanel(FORM, MEETING, { panel: panel(), etag: '"tag-1"' });
    expect(changed).toEqual({ panel: panel(V2), etag: '"tag-2"' });
  });

  it('reads the panel whole after an answer that carried no tag', async () => {
    const api = fakeApi({ [PANEL_PATH]: () => json(200, panel(), { ETag: '"tag-1"' }) });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    await fetchPanel(FORM, MEETING, { panel: panel(), etag: null });
    expect(api.calls(PANEL_PATH)[0]?.headers.get('If-None-Match')).toBeNull();
  });
});

describe('saving a new version (If-Match)', () => {
  it('names the version it was edited from', async () => {
    const api = fakeApi({ [`PUT /api/v1/feedbackForms/${FORM}`]: () => json(200, form(V2, 2), { ETag: `"${V2}"` }) });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const { client, Wrapper } = wrapper();
    const { result } = renderHook(() => useEditForm(FORM), { wrapper: Wrapper });

    result.current.mutate({ content: { effectivenessScore: 3 } as never, basedOn: V1 });

    await waitFor(() => {
      expect(result.current.isSuccess).toBe(true);
    });
    expect(api.calls(`PUT /api/v1/feedbackForms/${FORM}`)[0]?.headers.get('If-Match')).toBe(`"${V1}"`);
    expect(client.getQueryData<{ current: { number: number } }>(['feedbackForms', FORM, 'form'])?.current.number).toBe(2);
  });

  it('reads the form again and says so when someone else saved a newer version (412)', async () => {
    const api = fakeApi({
      [`PUT /api/v1/feedbackForms/${FORM}`]: () => problem(412, 'staleVersion', 'Iemand anders heeft intussen een nieuwere versie opgeslagen.'),
      [`GET /api/v1/feedbackForms/${FORM}`]: () => json(200, form(V2, 2)),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const { client, Wrapper } = wrapper();
    client.setQueryData(['feedbackForms', FORM, 'form'], form(V1, 1));
    const { result } = renderHook(() => useEditForm(FORM), { wrapper: Wrapper });

    result.current.mutate({ content: {} as never, basedOn: V1 });

    await waitFor(() => {
      expect(result.current.error).toBeInstanceOf(StaleFormError);
    });
    expect(api.calls(`GET /api/v1/feedbackForms/${FORM}`)).toHaveLength(1);
    expect(client.getQueryData<{ current: { hash: string } }>(['feedbackForms', FORM, 'form'])?.current.hash).toBe(V2);
  });
});

describe('giving a verdict', () => {
  it('sends a fresh Idempotency-Key per click and shows the answer on the panel at once', async () => {
    const api = fakeApi({ [`POST /api/v1/feedbackForms/${FORM}/approvals`]: () => json(201, form(V1, 1)) });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const { client, Wrapper } = wrapper();
    const { result } = renderHook(() => useGiveVerdict(FORM, MEETING), { wrapper: Wrapper });

    result.current.mutate({ verdict: 'approved', versionHash: V1 });
    await waitFor(() => {
      expect(result.current.isSuccess).toBe(true);
    });
    result.current.mutate({ verdict: 'approved', versionHash: V1 });
    await waitFor(() => {
      expect(api.calls(`POST /api/v1/feedbackForms/${FORM}/approvals`)).toHaveLength(2);
    });

    const [first, second] = api.calls(`POST /api/v1/feedbackForms/${FORM}/approvals`);
    const keys = [first?.headers.get('Idempotency-Key'), second?.headers.get('Idempotency-Key')];
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).not.toBe(keys[0]);
    expect(await first?.json()).toEqual({ meeting: MEETING, versionHash: V1, verdict: 'approved', reason: '' });
    const cached = client.getQueryData<{ panel: ApprovalPanel; etag: string | null }>(['feedbackForms', FORM, 'panel', MEETING]);
    expect(cached?.etag).toBeNull();
    expect(cached?.panel.verdicts).toHaveLength(1);
  });
});
