import { describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/api/errors';
import { session } from '@/api/session';
import { fakeApi, problem } from '@/testing/render';

import { fetchEvidencePdf } from './use-oversight';

const CELL = '11111111-1111-4111-8111-111111111111';
const REPORT = `GET /api/v1/cells/${CELL}/complianceReport`;

describe('the evidence pack as PDF', () => {
  it('asks for the PDF with the session’s token and keeps the server’s file name', async () => {
    const api = fakeApi({
      [REPORT]: () =>
        new Response('%PDF-1.4 …', {
          status: 200,
          headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="evidence-20260514.pdf"' },
        }),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });

    const file = await fetchEvidencePdf(CELL);

    expect(file.name).toBe('evidence-20260514.pdf');
    expect((await file.content.text()).startsWith('%PDF')).toBe(true);
    const request = api.calls(REPORT)[0];
    expect(request?.headers.get('Accept')).toBe('application/pdf');
    expect(request?.headers.get('Authorization')).toBe('Bearer access');
  });

  it('reports a refusal with the server’s own words', async () => {
    vi.stubGlobal('fetch', fakeApi({ [REPORT]: () => problem(404, 'resourceNotFound', 'Deze cel bestaat niet.') }).fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });

    const failure: unknown = await fetchEvidencePdf(CELL).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).detail).toBe('Deze cel bestaat niet.');
  });
});
