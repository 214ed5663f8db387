import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Session, type IssuedAccessToken } from './session';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const direct = <T,>(task: () => Promise<T>) => task();

describe('Session.refresh', () => {
  it('runs one request for concurrent callers and gives them the same outcome', async () => {
    const answer = deferred<IssuedAccessToken | null>();
    const requestRefresh = vi.fn(() => answer.promise);
    const session = new Session({ requestRefresh, exclusive: direct });
    session.signIn({ accessToken: 'old', expiresIn: 600 });

    const outcomes = Promise.all([session.refresh(), session.refresh(), session.refresh()]);
    answer.resolve({ accessToken: 'new', expiresIn: 600 });

    expect(await outcomes).toEqual(['refreshed', 'refreshed', 'refreshed']);
    expect(requestRefresh).toHaveBeenCalledTimes(1);
    expect(session.getAccessToken()).toBe('new');
  });

  it('asks again once the previous refresh has answered', async () => {
    const requestRefresh = vi
      .fn<() => Promise<IssuedAccessToken | null>>()
      .mockResolvedValueOnce({ accessToken: 'second', expiresIn: 600 })
      .mockResolvedValueOnce({ accessToken: 'third', expiresIn: 600 });
    const session = new Session({ requestRefresh, exclusive: direct });

    await session.refresh();
    await session.refresh();

    expect(requestRefresh).toHaveBeenCalledTimes(2);
    expect(session.getAccessToken()).toBe('third');
  });

  it('ends a signed-in session with "expired" when the cookie is refused', async () => {
    const session = new Session({ requestRefresh: () => Promise.resolve(null), exclusive: direct });
    session.signIn({ accessToken: 'old', expiresIn: 600 });

    expect(await session.refresh()).toBe('ended');
    expect(session.getAccessToken()).toBeNull();
    expect(session.getSnapshot()).toEqual({
      status: 'signedOut',
      passwordChangeRequired: false,
      endReason: 'expired',
    });
  });

  it('keeps the session when the server cannot be reached', async () => {
    const session = new Session({
      requestRefresh: () => Promise.reject(new TypeError('Failed to fetch')),
      exclusive: direct,
    });
    session.signIn({ accessToken: 'old', expiresIn: 600 });

    expect(await session.refresh()).toBe('unreachable');
    expect(session.getSnapshot().status).toBe('signedIn');
  });

  it('does not sign back in when the user logged out while a refresh was out', async () => {
    const answer = deferred<IssuedAccessToken | null>();
    const session = new Session({ requestRefresh: () => answer.promise, exclusive: direct });
    session.signIn({ accessToken: 'old', expiresIn: 600 });

    const outcome = session.refresh();
    session.end('loggedOut');
    answer.resolve({ accessToken: 'late', expiresIn: 600 });

    expect(await outcome).toBe('ended');
    expect(session.getAccessToken()).toBeNull();
    expect(session.getSnapshot().endReason).toBe('loggedOut');
  });

  it('runs the request inside the cross-tab lock', async () => {
    const locked: string[] = [];
    const session = new Session({
      requestRefresh: () => {
        locked.push('request');
        return Promise.resolve({ accessToken: 'new', expiresIn: 600 });
      },
      exclusive: async (task) => {
        locked.push('lock');
        const result = await task();
        locked.push('unlock');
        return result;
      },
    });
    await session.refresh();
    expect(locked).toEqual(['lock', 'request', 'unlock']);
  });
});

describe('Session.restore', () => {
  it('restores the session of before the reload from the cookie', async () => {
    const session = new Session({
      requestRefresh: () => Promise.resolve({ accessToken: 'restored', expiresIn: 600 }),
      exclusive: direct,
    });
    expect(session.getSnapshot().status).toBe('unknown');

    expect(await session.restore()).toBe('refreshed');
    expect(session.getSnapshot().status).toBe('signedIn');
    expect(session.getAccessToken()).toBe('restored');
  });

  it('is signed out without a message when there is no valid cookie', async () => {
    const session = new Session({ requestRefresh: () => Promise.resolve(null), exclusive: direct });

    expect(await session.restore()).toBe('ended');
    expect(session.getSnapshot()).toEqual({
      status: 'signedOut',
      passwordChangeRequired: false,
      endReason: null,
    });
  });

  it('asks only once, even when called twice (StrictMode)', async () => {
    const requestRefresh = vi.fn(() => Promise.resolve({ accessToken: 'restored', expiresIn: 600 }));
    const session = new Session({ requestRefresh, exclusive: direct });
    await Promise.all([session.restore(), session.restore()]);
    await session.restore();
    expect(requestRefresh).toHaveBeenCalledTimes(1);
  });
});

describe('the silent renewal', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refreshes a minute before the access token expires', async () => {
    const requestRefresh = vi.fn(() => Promise.resolve({ accessToken: 'renewed', expiresIn: 600 }));
    const session = new Session({ requestRefresh, exclusive: direct });
    session.signIn({ accessToken: 'first', expiresIn: 600 });

    await vi.advanceTimersByTimeAsync(539_000);
    expect(requestRefresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(requestRefresh).toHaveBeenCalledTimes(1);
    expect(session.getAccessToken()).toBe('renewed');

    // …and plans the next renewal from the new token.
    await vi.advanceTimersByTimeAsync(540_000);
    expect(requestRefresh).toHaveBeenCalledTimes(2);
  });

  it('refreshes a short-lived token at half its life', async () => {
    const requestRefresh = vi.fn(() => Promise.resolve({ accessToken: 'renewed', expiresIn: 60 }));
    const session = new Session({ requestRefresh, exclusive: direct });
    session.signIn({ accessToken: 'first', expiresIn: 60 });

    await vi.advanceTimersByTimeAsync(29_000);
    expect(requestRefresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(requestRefresh).toHaveBeenCalledTimes(1);
  });

  it('tries again later when the server cannot be reached', async () => {
    const requestRefresh = vi
      .fn<() => Promise<IssuedAccessToken | null>>()
      .mockRejectedValueOnce(new TypeError('offline'))
      .mockResolvedValue({ accessToken: 'renewed', expiresIn: 600 });
    const session = new Session({ requestRefresh, exclusive: direct, retryAfterUnreachableSec: 30 });
    session.signIn({ accessToken: 'first', expiresIn: 600 });

    await vi.advanceTimersByTimeAsync(540_000);
    expect(requestRefresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(requestRefresh).toHaveBeenCalledTimes(2);
    expect(session.getAccessToken()).toBe('renewed');
  });

  it('stops renewing once the session ended', async () => {
    const requestRefresh = vi.fn(() => Promise.resolve({ accessToken: 'renewed', expiresIn: 600 }));
    const session = new Session({ requestRefresh, exclusive: direct });
    session.signIn({ accessToken: 'first', expiresIn: 600 });
    session.end('loggedOut');

    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(requestRefresh).not.toHaveBeenCalled();
  });
});
