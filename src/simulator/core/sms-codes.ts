import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { SmsTarget } from '../../domain/ports/regulator-gateway.ts';
import type { SimSmsRow } from '../store/schema.ts';
import type { SimContext, SimTrx } from './context.ts';

/** Six Arabic digits from a CSPRNG (domain.md §6.1). */
export const generateCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * Only an HMAC of the code is stored. The order ref and mobile are part of the MAC so equal codes of different
 * persons give different hashes and a hash cannot be replayed onto another row.
 */
export const hashCode = (secret: string, orderRef: string, mobile: string, code: string): string =>
  createHmac('sha256', secret).update(`${orderRef}\n${mobile}\n${code}`).digest('hex');

export function codeMatches(secret: string, row: Pick<SimSmsRow, 'order_ref' | 'mobile' | 'code_hmac'>, code: string) {
  const expected = Buffer.from(row.code_hmac, 'hex');
  const actual = Buffer.from(hashCode(secret, row.order_ref, row.mobile, code.trim()), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export const maskMobile = (mobile: string): string =>
  mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****';

const smsText = (code: string, resend: boolean) =>
  `【工信部ICP备案】${resend ? '（重发）' : ''}您的短信核验码为 ${code}，24小时内有效。` +
  '请在工信部备案管理系统的短信核验页面输入手机号、核验码和证件号码后6位完成核验。如非本人操作请忽略。';

/** Puts one message into the outbox: the only place the plain code ever exists. */
export async function deliverCode(
  trx: SimTrx,
  input: { orderRef: string; mobile: string; code: string; resend: boolean; at: Date },
): Promise<void> {
  await trx
    .insertInto('sim_sms_outbox')
    .values({
      order_ref: input.orderRef,
      mobile: input.mobile,
      text: smsText(input.code, input.resend),
      sent_at: input.at,
    })
    .execute();
}

/** Merges targets sharing a mobile: the same mobile is the same person, who gets one code for all roles. */
export function mergeTargetsByMobile(targets: SmsTarget[]): SmsTarget[] {
  const byMobile = new Map<string, SmsTarget>();
  for (const t of targets) {
    const known = byMobile.get(t.mobile);
    if (known) known.roles = [...known.roles, ...t.roles];
    else byMobile.set(t.mobile, { ...t, roles: [...t.roles] });
  }
  return [...byMobile.values()];
}

/** Sends the first code to every person of an order that just entered SMS verification. */
export async function sendInitialCodes(trx: SimTrx, ctx: SimContext, orderRef: string, targets: SmsTarget[]) {
  const at = ctx.clock.now();
  for (const t of mergeTargetsByMobile(targets)) {
    const code = generateCode();
    await trx
      .insertInto('sim_sms_verification')
      .values({
        order_ref: orderRef,
        mobile: t.mobile,
        name: t.name,
        roles: JSON.stringify(t.roles),
        id_type: t.idType,
        id_last6: t.idLast6.toUpperCase(),
        code_hmac: hashCode(ctx.options.smsSecret, orderRef, t.mobile, code),
        state: 'code_sent',
        resend_count: 0,
        wrong_attempts: 0,
        sent_at: at,
        verified_at: null,
        updated_at: at,
      })
      .execute();
    await deliverCode(trx, { orderRef, mobile: t.mobile, code, resend: false, at });
  }
}
