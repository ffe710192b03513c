import dayjs from 'dayjs';
import { ApiError } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import type { Message } from '../../../i18n/message.ts';
import { sfText } from '../second-factor-messages.ts';

type Details = { reason?: string; attemptsLeft?: number; lockedUntil?: string } | undefined;

/** What a refused code means for the person typing it: attempts left, a used code, or the lock's end. */
export function secondFactorError(
  e: unknown,
  kind: 'code' | 'recovery',
): { message: Message; params?: Record<string, string | number> } {
  if (e instanceof ApiError) {
    const details = e.details as Details;
    if (e.code === 'SECOND_FACTOR_LOCKED' && details?.lockedUntil) {
      return { message: sfText.locked, params: { time: dayjs(details.lockedUntil).format('HH:mm') } };
    }
    if (e.code === 'SECOND_FACTOR_INVALID_CODE') {
      if (details?.reason === 'reused') return { message: sfText.reusedCode };
      return {
        message: kind === 'code' ? sfText.wrongCode : sfText.wrongRecovery,
        params: { left: details?.attemptsLeft ?? 0 },
      };
    }
  }
  return errorMessage(e);
}
