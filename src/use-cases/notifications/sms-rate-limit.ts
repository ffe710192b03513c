import { sql } from 'kysely';
import type { AppContext } from '../../app-context.ts';

/**
 * Texts per phone: at most one a minute, five an hour and ten a day — the usual carrier anti-spam limits, and
 * enough for a filing, whose events are spread over days. Counted across all accounts, because a number can be
 * the responsible person of several orders.
 */
export const SMS_RATE_LIMITS = [
  { windowMs: 60_000, max: 1 },
  { windowMs: 3600_000, max: 5 },
  { windowMs: 24 * 3600_000, max: 10 },
] as const;

const DAY_MS = 24 * 3600_000;

/** The phone as the log knows it: a keyed blind index, never the number. */
export const phoneIndex = (ctx: Pick<AppContext, 'cipher'>, mobile: string): string =>
  ctx.cipher.blindIndex('phone', mobile.replace(/[\s-]/g, '').replace(/^\+?86/, ''));

/**
 * Takes one send slot for the phone, or returns null when a limit is reached. Check and insert run under an
 * advisory lock per phone, so two workers cannot both take the last slot. The slot is taken before sending
 * (a crash after sending still counts) and given back with releaseSmsSlot when the send fails.
 */
export async function reserveSmsSlot(ctx: AppContext, mobile: string): Promise<string | null> {
  const bidx = phoneIndex(ctx, mobile);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`sms_rate:${bidx}`}))`.execute(trx);
    const recent = await trx
      .selectFrom('sms_send_log')
      .select('sent_at')
      .where('phone_bidx', '=', bidx)
      .where('sent_at', '>', new Date(now.getTime() - DAY_MS))
      .execute();
    for (const { windowMs, max } of SMS_RATE_LIMITS) {
      const inWindow = recent.filter((r) => r.sent_at.getTime() > now.getTime() - windowMs).length;
      if (inWindow >= max) return null;
    }
    const id = crypto.randomUUID();
    await trx.insertInto('sms_send_log').values({ id, phone_bidx: bidx, sent_at: now }).execute();
    return id;
  });
}

export async function releaseSmsSlot(ctx: AppContext, slotId: string): Promise<void> {
  await ctx.db.deleteFrom('sms_send_log').where('id', '=', slotId).execute();
}
