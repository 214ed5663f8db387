import { describe, expect, it } from 'vitest';

import { attachmentName, formStatus, pdfName, shortHash, versionEtag } from './status';

const HASH = 'a'.repeat(8) + 'b'.repeat(56);

describe('a form’s status', () => {
  it('is transmitted once there is a transmission, whatever else the read says', () => {
    expect(formStatus({ status: 'draft', transmission: { by: 'u', at: 'x', versionHash: HASH, meeting: 'm', presentMembers: [] } })).toBe(
      'transmitted',
    );
  });

  it('counts a consensus recorded on the current version even when read outside a meeting', () => {
    expect(formStatus({ status: 'draft', consensusReachedAt: '2026-05-14T12:30:00Z' })).toBe('consensusReached');
    expect(formStatus({ status: 'consensusReached', consensusReachedAt: null })).toBe('consensusReached');
    expect(formStatus({ status: 'draft', consensusReachedAt: null, transmission: null })).toBe('draft');
  });
});

describe('versions and files', () => {
  it('shortens a hash and quotes it as an entity tag', () => {
    expect(shortHash(HASH)).toBe('aaaaaaaa');
    expect(versionEtag(HASH)).toBe(`"${HASH}"`);
  });

  it('takes the PDF’s name from Content-Disposition, never a path, with a fallback', () => {
    const fallback = pdfName('LB-2026-0003', 2);
    expect(fallback).toBe('terugkoppeling-LB-2026-0003-r2.pdf');
    expect(attachmentName('attachment; filename="terugkoppeling-LB-2026-0003-r1.pdf"', fallback)).toBe('terugkoppeling-LB-2026-0003-r1.pdf');
    expect(attachmentName("attachment; filename*=UTF-8''fiche%20%C3%A9.pdf", fallback)).toBe('fiche é.pdf');
    expect(attachmentName('attachment; filename=../../etc/x.pdf', fallback)).toBe('x.pdf');
    expect(attachmentName('attachment', fallback)).toBe(fallback);
    expect(attachmentName(null, fallback)).toBe(fallback);
  });
});
