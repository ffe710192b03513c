import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client.ts';
import { sfText } from '../second-factor-messages.ts';
import { secondFactorError } from './second-factor-error.ts';

describe('secondFactorError', () => {
  it('says how many attempts are left, or that the code was used already', () => {
    const wrong = new ApiError(401, 'SECOND_FACTOR_INVALID_CODE', '', { reason: 'wrong', attemptsLeft: 3 });
    expect(secondFactorError(wrong, 'code')).toEqual({ message: sfText.wrongCode, params: { left: 3 } });
    expect(secondFactorError(wrong, 'recovery')).toEqual({ message: sfText.wrongRecovery, params: { left: 3 } });
    const reused = new ApiError(401, 'SECOND_FACTOR_INVALID_CODE', '', { reason: 'reused', attemptsLeft: 2 });
    expect(secondFactorError(reused, 'code')).toEqual({ message: sfText.reusedCode });
  });

  it('names the end of the lock, and falls back to the catalogue otherwise', () => {
    const locked = new ApiError(429, 'SECOND_FACTOR_LOCKED', '', { lockedUntil: '2026-03-01T08:15:00Z' });
    const { message, params } = secondFactorError(locked, 'code');
    expect(message).toBe(sfText.locked);
    expect(params?.time).toMatch(/^\d\d:15$/);
    expect(secondFactorError(new ApiError(403, 'SECOND_FACTOR_REQUIRED', ''), 'code').message.en).toBe(
      'Complete the authenticator (second factor) step first',
    );
  });
});
