import { afterEach, describe, expect, it } from 'vitest';

import { respondWith } from '@/testing/render';

import { createApiClient } from './client';
import { ApiError, unwrap } from './errors';
import { clearAccessToken, setAccessToken } from './session';

const refusal = {
  type: 'urn:problem-type:tafel:chairMustNotBePolice',
  title: 'Conflict',
  status: 409,
  detail: 'De informatieambtenaar kan de tafel niet voorzitten.',
  instance: 'urn:uuid:123e4567-e89b-12d3-a456-426614174000',
  rule: 'R-MEM-3',
  issues: [
    {
      type: 'urn:problem-type:tafel:input-validation:personalData',
      title: 'Personal data',
      detail: 'Dit lijkt op een rijksregisternummer.',
      in: 'body',
      name: 'summary',
      kind: 'be.nn',
      start: 10,
      end: 25,
    },
    { title: 'no detail: dropped' },
  ],
  retryAfterSec: 120,
};

async function callWith(status: number, body: unknown, contentType?: string) {
  const double = respondWith(status, body, contentType);
  const client = createApiClient({ baseUrl: 'http://tafel.test', fetch: double.fetch });
  const result = await client.GET('/health');
  return { result, requests: double.requests };
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('unwrap', () => {
  afterEach(clearAccessToken);

  it('returns the data of a successful call', async () => {
    const { result } = await callWith(200, { status: 'UP' });
    expect(unwrap(result)).toEqual({ status: 'UP' });
  });

  it('turns a problem+json body into a typed ApiError', async () => {
    const { result } = await callWith(409, refusal, 'application/problem+json; charset=utf-8');
    const error = caught(() => unwrap(result));

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(409);
    expect(apiError.detail).toBe(refusal.detail);
    expect(apiError.message).toBe(refusal.detail);
    expect(apiError.rule).toBe('R-MEM-3');
    expect(apiError.type).toBe(refusal.type);
    expect(apiError.retryAfterSec).toBe(120);
    expect(apiError.problem?.instance).toBe(refusal.instance);
    expect(apiError.issues).toEqual([
      {
        type: 'urn:problem-type:tafel:input-validation:personalData',
        title: 'Personal data',
        detail: 'Dit lijkt op een rijksregisternummer.',
        in: 'body',
        name: 'summary',
        kind: 'be.nn',
        start: 10,
        end: 25,
      },
    ]);
  });

  it('gives no problem for an error that is not problem+json', async () => {
    const { result } = await callWith(502, { detail: 'from a proxy' }, 'application/json');
    const error = caught(() => unwrap(result)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.problem).toBeNull();
    expect(error.detail).toBeUndefined();
  });
});

describe('the client', () => {
  afterEach(clearAccessToken);

  it('sends the UI language and, once signed in, the bearer token', async () => {
    const double = respondWith(200, { status: 'UP' });
    const client = createApiClient({
      baseUrl: 'http://tafel.test',
      fetch: double.fetch,
      language: () => 'fr',
    });

    await client.GET('/health');
    setAccessToken('token-123');
    await client.GET('/health');

    const [anonymous, signedIn] = double.requests;
    expect(anonymous?.url).toBe('http://tafel.test/health');
    expect(anonymous?.headers.get('Accept-Language')).toBe('fr');
    expect(anonymous?.headers.get('Authorization')).toBeNull();
    expect(signedIn?.headers.get('Authorization')).toBe('Bearer token-123');
  });
});
