import { describe, expect, it } from 'vitest';

import { breakdownLabel, phaseLabel } from './labels';

describe('breakdown labels', () => {
  it('translates the vocabularies of the guidance', () => {
    expect(breakdownLabel('status', 'followUp')).toEqual({ key: 'vocab.caseStatus.followUp' });
    expect(breakdownLabel('problem', 'mentalHealth')).toEqual({ key: 'vocab.initialProblem.mentalHealth' });
    expect(breakdownLabel('phenomenon', 'none')).toEqual({ key: 'vocab.phenomenon.none' });
    expect(breakdownLabel('actions', 'inProgress')).toEqual({ key: 'vocab.actionStatus.inProgress' });
    expect(breakdownLabel('actions', 'overdue')).toEqual({ key: 'oversight.actionsOverdue' });
    expect(phaseLabel('weighing')).toEqual({ key: 'vocab.caseStatus.weighing' });
  });

  it('reads the source as the LTF or the partner’s organisation type', () => {
    expect(breakdownLabel('source', 'ltf')).toEqual({ key: 'vocab.caseSource.ltf' });
    expect(breakdownLabel('source', 'clb')).toEqual({ key: 'vocab.organisationType.clb' });
  });

  it('names a municipality as the cell does, with its NIS code', () => {
    const municipalities = [{ nisCode: '99001', name: 'Lindebeek' }];
    expect(breakdownLabel('municipality', '99001', municipalities)).toEqual({ text: 'Lindebeek (99001)' });
    expect(breakdownLabel('municipality', '99009', municipalities)).toEqual({ text: '99009' });
  });

  it('keeps a label of an older vocabulary as it is, and never reads an inherited property', () => {
    expect(breakdownLabel('problem', 'radicalisation')).toEqual({ text: 'radicalisation' });
    expect(breakdownLabel('status', 'toString')).toEqual({ text: 'toString' });
  });
});
