import { describe, expect, it } from 'vitest';

import { nextCommands, statusIndex } from './lifecycle';

describe('lifecycle buttons (R-CASE-5)', () => {
  it('offers admission or not at registration', () => {
    expect(nextCommands('registered', ['closed', 'fileBuilding'])).toEqual({ steps: ['notAdmitted', 'admit'], weigh: false });
  });

  it('offers only what the API allows', () => {
    expect(nextCommands('registered', ['fileBuilding'])).toEqual({ steps: ['admit'], weigh: false });
    expect(nextCommands('fileBuilding', ['weighing'])).toEqual({ steps: ['startWeighing'], weigh: false });
    expect(nextCommands('followUp', ['evaluation'])).toEqual({ steps: ['startEvaluation'], weigh: false });
    expect(nextCommands('evaluation', ['closed', 'followUp'])).toEqual({ steps: ['close', 'resumeFollowUp'], weigh: false });
    expect(nextCommands('closed', [])).toEqual({ steps: [], weigh: false });
  });

  it('leaves the weighing through the weighing decision, not a step (R-CASE-6/7)', () => {
    expect(nextCommands('weighing', ['closed', 'followUp'])).toEqual({ steps: [], weigh: true });
  });

  it('ignores a transition it has no command for', () => {
    expect(nextCommands('fileBuilding', ['closed'])).toEqual({ steps: [], weigh: false });
  });

  it('knows the order', () => {
    expect(statusIndex('registered')).toBe(0);
    expect(statusIndex('closed')).toBe(5);
  });
});
