import { describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/api/errors';

import { changePlan, planEtag, StalePlanError, versionOfEtag } from './plan-version';

function refusal(status: number) {
  return new ApiError(status, {
    type: 'urn:problem-type:tafel:staleVersion',
    title: 'Stale',
    status,
    detail: 'Someone else changed this in the meantime.',
    instance: 'urn:uuid:1',
  });
}

describe('plan versions (If-Match)', () => {
  it('writes and reads the plan’s entity tag', () => {
    expect(planEtag(3)).toBe('"plan-3"');
    expect(versionOfEtag('"plan-12"')).toBe(12);
    expect(versionOfEtag('W/"plan-4"')).toBe(4);
    expect(versionOfEtag('"case-4"')).toBeNull();
    expect(versionOfEtag(null)).toBeNull();
  });

  it('sends the change with If-Match of the version it starts from', async () => {
    const send = vi.fn((ifMatch: string) => Promise.resolve(ifMatch));
    const reload = vi.fn(() => Promise.resolve());
    await expect(changePlan({ version: 7, send, reload })).resolves.toBe('"plan-7"');
    expect(reload).not.toHaveBeenCalled();
  });

  it.each([412, 428])('reloads the plan and says it was stale on %i', async (status) => {
    const reload = vi.fn(() => Promise.resolve());
    const attempt = changePlan({ version: 2, send: () => Promise.reject(refusal(status)), reload });
    await expect(attempt).rejects.toBeInstanceOf(StalePlanError);
    expect(reload).toHaveBeenCalledOnce();
  });

  it('passes any other refusal through untouched', async () => {
    const reload = vi.fn(() => Promise.resolve());
    const forbidden = refusal(403);
    await expect(changePlan({ version: 2, send: () => Promise.reject(forbidden), reload })).rejects.toBe(forbidden);
    expect(reload).not.toHaveBeenCalled();
  });
});
