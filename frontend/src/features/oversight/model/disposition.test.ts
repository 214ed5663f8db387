import { describe, expect, it } from 'vitest';

import { attachmentName } from './disposition';

describe('the name of a downloaded file', () => {
  it('is the one the server gives', () => {
    expect(attachmentName('attachment; filename="evidence-20260514.pdf"', 'x.pdf')).toBe('evidence-20260514.pdf');
    expect(attachmentName('attachment; filename=evidence.pdf', 'x.pdf')).toBe('evidence.pdf');
  });

  it('prefers the encoded name', () => {
    expect(attachmentName(`attachment; filename="a.pdf"; filename*=UTF-8''bewijs%C3%A9.pdf`, 'x.pdf')).toBe('bewijsé.pdf');
  });

  it('never carries a folder, and falls back without a name', () => {
    expect(attachmentName('attachment; filename="../../etc/evil.pdf"', 'x.pdf')).toBe('evil.pdf');
    expect(attachmentName('attachment', 'x.pdf')).toBe('x.pdf');
    expect(attachmentName(null, 'x.pdf')).toBe('x.pdf');
    expect(attachmentName('attachment; filename=".."', 'x.pdf')).toBe('x.pdf');
  });
});
