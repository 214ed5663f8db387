import { describe, expect, it } from 'vitest';

import { emptyDraft, FIELD, locateIssue, retentionDays, stepIssues, toCellCreate, type CellDraft } from './wizard';

const TODAY = '2026-05-04';

function draft(change: Partial<CellDraft> = {}): CellDraft {
  return {
    ...emptyDraft('Alles blijft aan tafel.'),
    name: 'LIVC-R Rivierenland',
    municipalities: [
      { key: 0, nisCode: '12345', name: 'Rivierstad' },
      { key: 1, nisCode: '12346', name: 'Beekdorp' },
    ],
    legalBasisReference: 'Wet van 30 juli 2018',
    ...change,
  };
}

describe('the cell set-up wizard', () => {
  it('asks for a name first', () => {
    expect(stepIssues('basics', draft({ name: '  ' }), TODAY)).toEqual([
      { fieldId: FIELD.name, code: 'nameMissing' },
    ]);
    expect(stepIssues('basics', draft(), TODAY)).toEqual([]);
  });

  it('wants five-digit NIS codes, each once, and names (R-SCOPE-1)', () => {
    const issues = stepIssues(
      'municipalities',
      draft({
        municipalities: [
          { key: 0, nisCode: '1234', name: 'Rivierstad' },
          { key: 1, nisCode: '12346', name: '' },
          { key: 2, nisCode: '12346', name: 'Beekdorp' },
        ],
      }),
      TODAY,
    );
    expect(issues).toEqual([
      { fieldId: FIELD.nisCode(0), code: 'nisCodeInvalid' },
      { fieldId: FIELD.municipalityName(1), code: 'municipalityNameMissing' },
      { fieldId: FIELD.nisCode(2), code: 'nisCodeDuplicate' },
    ]);
    expect(stepIssues('municipalities', draft({ municipalities: [] }), TODAY)).toEqual([
      { fieldId: FIELD.municipalities, code: 'municipalitiesMissing' },
    ]);
  });

  it('needs a reference, and a date for the prosecutor’s permission (R-PRIV-3)', () => {
    expect(
      stepIssues('legalBasis', draft({ legalBasisKind: 'prosecutorPermission', legalBasisReference: '' }), TODAY),
    ).toEqual([
      { fieldId: FIELD.legalBasisReference, code: 'referenceMissing' },
      { fieldId: FIELD.legalBasisDecidedOn, code: 'decidedOnMissing' },
    ]);
    expect(stepIssues('legalBasis', draft({ legalBasisDecidedOn: '2026-06-01' }), TODAY)).toEqual([
      { fieldId: FIELD.legalBasisDecidedOn, code: 'decidedOnInFuture' },
    ]);
    expect(stepIssues('legalBasis', draft({ legalBasisKind: 'later', legalBasisReference: '' }), TODAY)).toEqual([]);
  });

  it('keeps the retention between 30 days and 30 years (R-PRIV-6)', () => {
    expect(stepIssues('retention', draft({ retentionValue: 'twee' }), TODAY)[0]?.code).toBe('retentionInvalid');
    expect(stepIssues('retention', draft({ retentionValue: '0' }), TODAY)[0]?.code).toBe('retentionInvalid');
    expect(stepIssues('retention', draft({ retentionValue: '29', retentionUnit: 'days' }), TODAY)[0]?.code).toBe(
      'retentionOutOfRange',
    );
    expect(stepIssues('retention', draft({ retentionValue: '366', retentionUnit: 'months' }), TODAY)[0]?.code).toBe(
      'retentionOutOfRange',
    );
    expect(stepIssues('retention', draft({ retentionValue: '1', retentionUnit: 'months' }), TODAY)).toEqual([]);
    expect(retentionDays(draft({ retentionValue: '24', retentionUnit: 'months' }))).toBe(720);
  });

  it('reviews every step at the end', () => {
    const issues = stepIssues('review', draft({ name: '', terms: '' }), TODAY);
    expect(issues.map((issue) => issue.code)).toEqual(['nameMissing', 'termsMissing']);
  });

  it('sends the retention as an ISO duration and the legal basis only when given', () => {
    expect(toCellCreate(draft({ retentionValue: '24', retentionUnit: 'months' }))).toEqual({
      name: 'LIVC-R Rivierenland',
      workingLanguage: 'nl',
      municipalities: [
        { nisCode: '12345', name: 'Rivierstad' },
        { nisCode: '12346', name: 'Beekdorp' },
      ],
      retention: 'P24M',
      confidentialityTerms: 'Alles blijft aan tafel.',
      legalBasis: { kind: 'law', reference: 'Wet van 30 juli 2018' },
    });
    const later = toCellCreate(draft({ legalBasisKind: 'later', retentionValue: '730', retentionUnit: 'days' }));
    expect(later.retention).toBe('P730D');
    expect(later).not.toHaveProperty('legalBasis');
  });

  it('puts a server issue back on its step and input', () => {
    expect(locateIssue('municipalities[1].nisCode')).toEqual({ step: 'municipalities', fieldId: FIELD.nisCode(1) });
    expect(locateIssue('legalBasis.decidedOn')).toEqual({ step: 'legalBasis', fieldId: FIELD.legalBasisDecidedOn });
    expect(locateIssue('retention')).toEqual({ step: 'retention', fieldId: FIELD.retentionValue });
    expect(locateIssue('somethingElse')).toBeNull();
    expect(locateIssue(undefined)).toBeNull();
  });
});
