import { describe, expect, it } from 'vitest';
import { stageOf, stagesOf } from './stage.ts';

describe('order stages', () => {
  it('a first filing with the legacy ordering passes every stage', () => {
    expect(stagesOf({ type: 'first_filing', verificationStage: 'after_provider_review' })).toEqual([
      'submit',
      'provider',
      'authenticity',
      'sms',
      'admin',
      'result',
    ]);
  });

  it('verification before submit, and types without SMS, skip those stages', () => {
    expect(stagesOf({ type: 'first_filing', verificationStage: 'before_submit' })).not.toContain('authenticity');
    expect(stagesOf({ type: 'cancel_access', verificationStage: 'after_provider_review' })).toEqual([
      'submit',
      'provider',
      'admin',
      'result',
    ]);
  });

  it('maps each state to its stage', () => {
    expect(stageOf('provider_rejected')).toBe('provider');
    expect(stageOf('returned_by_miit')).toBe('sms');
    expect(stageOf('admin_rejected')).toBe('admin');
    expect(stageOf('approved')).toBe('result');
  });
});
