import { inTransaction, type SimContext, SMS_MAX_RESENDS } from './context.ts';
import { SimulatorError } from './errors.ts';
import { pendingForMobile } from './sms-candidates.ts';
import { deliverCode, generateCode, hashCode } from './sms-codes.ts';

export type ResendSmsInput = { mobile: string; idLast6: string };
export type ResendSmsResult = { resent: Array<{ orderRef: string; resendCount: number; resendsLeft: number }> };

/**
 * The resend form on MIIT's page (mobile + last 6 ID characters). At most 2 resends per person and order; the
 * 3rd click sends nothing (domain.md §6.1). A resend replaces the code, so an older message stops working. The
 * order's 24 h deadline is not extended: MIIT counts from the first message.
 *
 * A wrong ID here is refused but not counted: MIIT counts wrong entries on the verification form only.
 */
export async function resendSms(ctx: SimContext, input: ResendSmsInput): Promise<ResendSmsResult> {
  return inTransaction(ctx, async (trx, changed) => {
    const candidates = await pendingForMobile(trx, ctx, input.mobile);
    const mine = candidates.filter((c) => c.id_last6 === input.idLast6.trim().toUpperCase());
    if (mine.length === 0) throw new SimulatorError('SMS_ID_MISMATCH');
    const allowed = mine.filter((c) => c.resend_count < SMS_MAX_RESENDS);
    if (allowed.length === 0) {
      throw new SimulatorError('SMS_RESEND_LIMIT', { details: { maxResends: SMS_MAX_RESENDS } });
    }
    const now = ctx.clock.now();
    const resent: ResendSmsResult['resent'] = [];
    for (const c of allowed) {
      const code = generateCode();
      await trx
        .updateTable('sim_sms_verification')
        .set({
          code_hmac: hashCode(ctx.options.smsSecret, c.order_ref, c.mobile, code),
          resend_count: c.resend_count + 1,
          sent_at: now,
          updated_at: now,
        })
        .where('id', '=', c.id)
        .execute();
      await deliverCode(trx, { orderRef: c.order_ref, mobile: c.mobile, code, resend: true, at: now });
      changed.add(c.order_ref);
      resent.push({
        orderRef: c.order_ref,
        resendCount: c.resend_count + 1,
        resendsLeft: SMS_MAX_RESENDS - c.resend_count - 1,
      });
    }
    return { resent };
  });
}
