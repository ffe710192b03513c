import type { RejectionReason } from '../../contracts/filing-data.ts';
import type { RegulatorSubmission } from '../../domain/ports/regulator-gateway.ts';
import type { SimOrderState } from '../store/schema.ts';
import { startAdminReview } from './admin-review.ts';
import { inTransaction, type SimContext, type SimTrx, SMS_MAX_WRONG_ID_ATTEMPTS } from './context.ts';
import { SimulatorError } from './errors.ts';
import { pendingForMobile, type SmsCandidate } from './sms-candidates.ts';
import { codeMatches, maskMobile } from './sms-codes.ts';

export type VerifySmsInput = { mobile: string; code: string; idLast6: string };
export type VerifySmsResult = {
  /** 'verified_waiting_for_others': this person is done, other mobiles of the order still have to verify. */
  result: 'verified' | 'verified_waiting_for_others';
  orderRef: string;
  orderState: SimOrderState;
};

/**
 * A responsible person entering mobile, code and the last 6 ID characters on MIIT's page (domain.md §6.1).
 *
 * Counting: MIIT counts wrong *certificate* entries (5 → failed, order returned). The code is what ties an entry to
 * one order when a mobile is pending in several, so a wrong code is refused with SMS_CODE_INVALID and not counted;
 * a right code with a wrong ID counts against that order's person. Failures are committed before the error is
 * thrown, otherwise the rollback would forgive every wrong entry.
 */
export async function verifySms(ctx: SimContext, input: VerifySmsInput): Promise<VerifySmsResult> {
  const outcome = await inTransaction(ctx, async (trx, changed) => {
    const candidates = await pendingForMobile(trx, ctx, input.mobile);
    const person = candidates.find((c) => codeMatches(ctx.options.smsSecret, c, input.code));
    if (!person) return new SimulatorError('SMS_CODE_INVALID');
    if (person.id_last6 !== input.idLast6.trim().toUpperCase()) return wrongId(trx, ctx, person, changed);

    const now = ctx.clock.now();
    await trx
      .updateTable('sim_sms_verification')
      .set({ state: 'verified', verified_at: now, updated_at: now })
      .where('id', '=', person.id)
      .execute();
    changed.add(person.order_ref);
    const waiting = await trx
      .selectFrom('sim_sms_verification')
      .select('id')
      .where('order_ref', '=', person.order_ref)
      .where('state', '=', 'code_sent')
      .execute();
    if (waiting.length > 0) {
      return { result: 'verified_waiting_for_others', orderRef: person.order_ref, orderState: 'sms_pending' } as const;
    }
    const order = await startAdminReview(trx, ctx, person.order_ref, changed);
    return { result: 'verified', orderRef: person.order_ref, orderState: order.state } as const;
  });
  if (outcome instanceof SimulatorError) throw outcome;
  return outcome;
}

async function wrongId(trx: SimTrx, ctx: SimContext, person: SmsCandidate, changed: Set<string>) {
  const now = ctx.clock.now();
  const attempts = person.wrong_attempts + 1;
  const failed = attempts >= SMS_MAX_WRONG_ID_ATTEMPTS;
  await trx
    .updateTable('sim_sms_verification')
    .set({ wrong_attempts: attempts, state: failed ? 'failed' : 'code_sent', updated_at: now })
    .where('id', '=', person.id)
    .execute();
  // The count is part of the order status the platform shows, so even a non-fatal miss is announced.
  changed.add(person.order_ref);
  if (!failed) {
    return new SimulatorError('SMS_ID_MISMATCH', {
      details: { wrongAttempts: attempts, attemptsLeft: SMS_MAX_WRONG_ID_ATTEMPTS - attempts },
    });
  }
  await returnForFailure(trx, person, now);
  return new SimulatorError('SMS_VERIFICATION_FAILED', {
    details: { orderRef: person.order_ref, wrongAttempts: attempts },
  });
}

/** MIIT returns the whole order; the other persons' codes die with it. */
async function returnForFailure(trx: SimTrx, person: SmsCandidate, now: Date) {
  const order = await trx
    .selectFrom('sim_order')
    .select('payload')
    .where('ref', '=', person.order_ref)
    .executeTakeFirstOrThrow();
  const targets = (order.payload as RegulatorSubmission).smsTargets;
  const index = targets.findIndex((t) => t.mobile === person.mobile);
  const reason: RejectionReason = {
    field: index >= 0 ? `smsTargets.${index}.idLast6` : 'smsTargets',
    code: 'SMS_VERIFICATION_FAILED',
    message: `手机号 ${maskMobile(person.mobile)}（${person.name}）证件号码后6位连续输错${SMS_MAX_WRONG_ID_ATTEMPTS}次，短信核验失败`,
    suggestion: '请核对该负责人的证件号码，重新提交备案申请后使用新的验证码核验',
  };
  await trx
    .updateTable('sim_sms_verification')
    .set({ state: 'expired', updated_at: now })
    .where('order_ref', '=', person.order_ref)
    .where('state', '=', 'code_sent')
    .execute();
  await trx
    .updateTable('sim_order')
    .set({
      state: 'returned',
      cause: 'sms_failed',
      reasons: JSON.stringify([reason]),
      decided_at: now,
      updated_at: now,
    })
    .where('ref', '=', person.order_ref)
    .execute();
}
