import { describe, expect, it, vi } from 'vitest';

import { fakeApi, json, problem } from '@/testing/render';

import { createApiClient } from './client';
import { ApiError, unwrap } from './errors';
import { Session, type IssuedAccessToken } from './session';

const ME = { id: '1', displayName: 'Dana Pieters' };

function setUp(refreshAnswers: (IssuedAccessToken | null)[]) {
  const requestRefresh = vi.fn<() => Promise<IssuedAccessToken | null>>();
  for (const answer of refreshAnswers) requestRefresh.mockResolvedValueOnce(answer);
  const session = new Session({ requestRefresh, exclusive: (task) => task() });
  session.signIn({ accessToken: 'old', expiresIn: 600 });
  return { session, requestRefresh };
}

function bearerOf(request: Request | undefined) {
  return request?.headers.get('Authorization');
}

describe('401 → refresh → retry', () => {
  it('refreshes once and repeats the call with the new token', async () => {
    const { session, requestRefresh } = setUp([{ accessToken: 'new', expiresIn: 600 }]);
    const api = fakeApi({
      'GET /api/v1/me': (request) =>
        bearerOf(request) === 'Bearer new'
          ? json(200, ME)
          : problem(401, 'expiredAccessToken', 'Uw sessie is verlopen.'),
    });
    const client = createApiClient({ baseUrl: 'http://tafel.test', fetch: api.fetch, session });

    const me = unwrap(await client.GET('/api/v1/me'));

    expect(me).toEqual(ME);
    expect(requestRefresh).toHaveBeenCalledTimes(1);
    expect(api.calls('GET /api/v1/me').map(bearerOf)).toEqual(['Bearer old', 'Bearer new']);
  });

  it('sends the body again on the retry', async () => {
    const { session } = setUp([{ accessToken: 'new', expiresIn: 600 }]);
    const api = fakeApi({
      'PATCH /api/v1/me': [
        () => problem(401, 'invalidAccessToken', 'Uw sessie is niet (meer) geldig.'),
        async (request) => json(200, { ...ME, ...((await request.json()) as object) }),
      ],
    });
    const client = createApiClient({ baseUrl: 'http://tafel.test', fetch: api.fetch, session });

    const me = unwrap(await client.PATCH('/api/v1/me', { body: { displayName: 'Dana P.' } }));

    expect(me.displayName).toBe('Dana P.');
    expect(bearerOf(api.calls('PATCH /api/v1/me')[1])).toBe('Bearer new');
  });

  it('shares one refresh between calls that fail together', async () => {
    const { session, requestRefresh } = setUp([{ accessToken: 'new', expiresIn: 600 }]);
    const answer = (request: Request) =>
      bearerOf(request) === 'Bearer new'
        ? json(200, { items: [], total: 0, page: 1, pageSize: 50, intact: true, chains: [] })
        : problem(401, 'expiredAccessToken', 'Uw sessie is verlopen.');
    const api = fakeApi({
      'GET /api/v1/me': answer,
      'GET /api/v1/audit/events': answer,
      'GET /api/v1/audit/verification': answer,
    });
    const client = createApiClient({ baseUrl: 'http://tafel.test', fetch: api.fetch, session });

    const results = await Promise.all([
      client.GET('/api/v1/me'),
      client.GET('/api/v1/audit/events'),
      client.GET('/api/v1/audit/verification'),
    ]);

    expect(results.map((result) => result.response.status)).toEqual([200, 200, 200]);
    expect(requestRefresh).toHaveBeenCalledTimes(1);
  });

  it('ends the session and lets the 401 stand when the refresh is refused', async () => {
    const { session } = setUp([null]);
    const api = fakeApi({
      'GET /api/v1/me': () => problem(401, 'expiredAccessToken', 'Uw sessie is verlopen.'),
    });
    const client = createApiClient({ baseUrl: 'http://tafel.test', fetch: api.fetch, session });

    const result = await client.GET('/api/v1/me');

    expect(result.response.status).toBe(401);
    expect(() => unwrap(result)).toThrow(ApiError);
    expect(api.calls('GET /api/v1/me')).toHaveLength(1);
    expect(session.getSnapshot()).toMatchObject({ status: 'signedOut', endReason: 'expired' });
  });

  it('retries only once, however often the server says 401', async () => {
    const { session, requestRefresh } = setUp([
      { accessToken: 'new', expiresIn: 600 },
      { accessToken: 'newer', expiresIn: 600 },
    ]);
    const api = fakeApi({
      'GET /api/v1/me': () => problem(401, 'invalidAccessToken', 'Uw sessie is niet (meer) geldig.'),
    });
    const client = createApiClient({ baseUrl: 'http://tafel.test', fetch: api.fetch, session });

    const result = await client.GET('/api/v1/me');

    expect(result.response.status).toBe(401);
    expect(api.calls('GET /api/v1/me')).toHaveLength(2);
    expect(requestRefresh).toHaveBeenCalledTimes(1);
  });

  it('does not refresh for a wrong password, nor for the login calls themselves', async () => {
    const { session, requestRefresh } = setUp([]);
    const api = fakeApi({
      'POST /api/v1/me/password': () =>
        problem(401, 'invalidCredentials', 'Het e-mailadres, het wachtwoord of de code klopt niet.'),
      'POST /api/v1/auth/mfa': () => problem(401, 'expiredAccessToken', 'Uw sessie is verlopen.'),
    });
    const client = createApiClient({ baseUrl: 'http://tafel.test', fetch: api.fetch, session });

    await client.POST('/api/v1/me/password', {
      body: { currentPassword: 'wrong', newPassword: 'a long new password' },
    });
    await client.POST('/api/v1/auth/mfa', {
      body: { code: '123456' },
      headers: { Authorization: 'Bearer challenge' },
    });

    expect(requestRefresh).not.toHaveBeenCalled();
    expect(api.requests).toHaveLength(2);
    expect(session.getSnapshot().status).toBe('signedIn');
  });

  it('keeps the challenge token a login call brings along', async () => {
    const session = new Session({ requestRefresh: () => Promise.resolve(null) });
    const api = fakeApi({ 'POST /api/v1/auth/mfa': () => json(200, { status: 'authenticated' }) });
    const client = createApiClient({ baseUrl: 'http://tafel.test', fetch: api.fetch, session });
    session.signIn({ accessToken: 'access', expiresIn: 600 });

    await client.POST('/api/v1/auth/mfa', {
      body: { code: '123456' },
      headers: { Authorization: 'Bearer challenge' },
    });

    expect(bearerOf(api.requests[0])).toBe('Bearer challenge');
  });

  it('flags the session when the server wants a new password first', async () => {
    const { session } = setUp([]);
    const api = fakeApi({
      'GET /api/v1/audit/events': () =>
        problem(403, 'passwordChangeRequired', 'Kies eerst een nieuw wachtwoord.'),
    });
    const client = createApiClient({ baseUrl: 'http://tafel.test', fetch: api.fetch, session });

    await client.GET('/api/v1/audit/events');

    expect(session.getSnapshot().passwordChangeRequired).toBe(true);
  });
});
