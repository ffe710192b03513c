import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { ORDER_STATES } from '../order-state.ts';
import { AWAITED_STEP, statesAccepting } from './next-step.ts';
import { assertEventPossible } from './transition.ts';

const refusal = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('what an action not possible now needs first (issue 6 #3)', () => {
  it('every state names the step it waits for, in both languages', () => {
    for (const state of ORDER_STATES) {
      expect(AWAITED_STEP[state].step).toMatch(/^[a-z_]+$/);
      expect(AWAITED_STEP[state].message.zhCN).not.toBe('');
      expect(AWAITED_STEP[state].message.enUS).not.toBe('');
    }
  });

  it('lists where an event becomes possible, per type', () => {
    expect(statesAccepting('first_filing', 'authenticity_submit', 'applicant')).toEqual([
      'pending_authenticity_verification',
      'authenticity_rejected',
    ]);
    // 变更接入 has no authenticity step at all.
    expect(statesAccepting('change_access', 'authenticity_submit', 'applicant')).toEqual([]);
    expect(statesAccepting('first_filing', 'submit', 'applicant')).toEqual(['draft']);
  });

  it('handing in verification materials in 初审 is refused with the state and the awaited review', () => {
    const e = refusal(() =>
      assertEventPossible(
        { type: 'first_filing', state: 'pending_provider_review' },
        'authenticity_submit',
        'applicant',
      ),
    );
    expect(e.code).toBe('ORDER_TRANSITION_NOT_ALLOWED');
    expect(e.details).toMatchObject({
      state: 'pending_provider_review',
      action: 'authenticity_submit',
      allowedIn: ['pending_authenticity_verification', 'authenticity_rejected'],
      required: { step: 'provider_review' },
    });
  });

  it('a possible event passes', () => {
    expect(() =>
      assertEventPossible(
        { type: 'first_filing', state: 'pending_authenticity_verification' },
        'authenticity_submit',
        'applicant',
      ),
    ).not.toThrow();
  });
});
