import { sql } from 'kysely';
import type { RejectionReason } from '../../contracts/filing-data.ts';
import type { RegulatorSubmission } from '../../domain/ports/regulator-gateway.ts';
import { autoDecide, getPolicy, type ReviewPolicy } from './admin-review.ts';
import { inTransaction, type SimContext } from './context.ts';
import { maskMobile } from './sms-codes.ts';

export type TickSummary = {
  smsExpired: string[];
  domainsReported: number;
  autoDecided: Array<{ ref: string; state: string }>;
};

/**
 * Advances everything that depends on time, as of the clock's now. Safe to call any time and from several places
 * (an interval, the HTTP route, tests after moving a manual clock): each order is handled in its own transaction
 * after re-reading it under a row lock, so a second caller finds nothing left to do.
 */
export async function tick(ctx: SimContext): Promise<TickSummary> {
  const smsExpired = await expireSms(ctx);
  const domainsReported = await reportRealNames(ctx);
  const autoDecided = await applyAutoPolicies(ctx);
  return { smsExpired, domainsReported, autoDecided };
}

/** Orders whose 24 h SMS window passed with someone unverified are returned (domain.md §3.3 #12). */
async function expireSms(ctx: SimContext): Promise<string[]> {
  const due = await ctx.db
    .selectFrom('sim_order')
    .select('ref')
    .where('state', '=', 'sms_pending')
    .where('sms_deadline_at', '<=', ctx.clock.now())
    .orderBy('ref')
    .execute();
  const expired: string[] = [];
  for (const { ref } of due) {
    const done = await inTransaction(ctx, async (trx, changed) => {
      const now = ctx.clock.now();
      const order = await trx
        .selectFrom('sim_order')
        .select(['state', 'sms_deadline_at', 'payload'])
        .where('ref', '=', ref)
        .forUpdate()
        .executeTakeFirst();
      if (order?.state !== 'sms_pending' || !order.sms_deadline_at || order.sms_deadline_at > now) return false;
      const late = await trx
        .updateTable('sim_sms_verification')
        .set({ state: 'expired', updated_at: now })
        .where('order_ref', '=', ref)
        .where('state', '=', 'code_sent')
        .returning(['mobile', 'name'])
        .execute();
      const targets = (order.payload as RegulatorSubmission).smsTargets;
      const reasons: RejectionReason[] = late.map((p) => {
        const i = targets.findIndex((t) => t.mobile === p.mobile);
        return {
          field: i >= 0 ? `smsTargets.${i}.mobile` : 'smsTargets',
          code: 'SMS_TIMEOUT',
          message: `手机号 ${maskMobile(p.mobile)}（${p.name}）未在24小时内完成短信核验`,
          suggestion: '请确认该手机号能正常接收短信，重新提交备案申请后在24小时内完成核验',
        };
      });
      await trx
        .updateTable('sim_order')
        .set({
          state: 'returned',
          cause: 'sms_timeout',
          reasons: JSON.stringify(reasons),
          decided_at: now,
          updated_at: now,
        })
        .where('ref', '=', ref)
        .execute();
      changed.add(ref);
      return true;
    });
    if (done) expired.push(ref);
  }
  return expired;
}

/** Real-name data reaches MIIT some days after the registrar verified it (报备入库, domain.md §6.3). */
async function reportRealNames(ctx: SimContext): Promise<number> {
  const delayMs = ctx.options.realNameReportDelayMs;
  const cutoff = new Date(ctx.clock.now().getTime() - delayMs);
  const rows = await ctx.db
    .updateTable('sim_domain')
    .set({
      real_name_status: 'verified',
      real_name_reported_at: sql`real_name_verified_at + make_interval(secs => ${delayMs / 1000})`,
      updated_at: ctx.clock.now(),
    })
    .where('real_name_status', '=', 'verified_not_reported')
    .where('real_name_verified_at', '<=', cutoff)
    .returning('domain')
    .execute();
  return rows.length;
}

/** Decides orders in review whose province runs an automatic policy and whose delay has passed. */
async function applyAutoPolicies(ctx: SimContext): Promise<TickSummary['autoDecided']> {
  const inReview = await ctx.db
    .selectFrom('sim_order')
    .select(['ref', 'province', 'review_started_at'])
    .where('state', '=', 'admin_review')
    .orderBy('ref')
    .execute();
  const policies = new Map<string, ReviewPolicy>();
  const decided: TickSummary['autoDecided'] = [];
  for (const o of inReview) {
    let policy = policies.get(o.province);
    if (!policy) {
      policy = await getPolicy(ctx.db, ctx, o.province);
      policies.set(o.province, policy);
    }
    if (policy.mode === 'manual') continue;
    const dueAt = (o.review_started_at?.getTime() ?? 0) + policy.delaySeconds * 1000;
    if (dueAt > ctx.clock.now().getTime()) continue;
    const mode = policy.mode;
    const state = await inTransaction(ctx, async (trx, changed) => {
      const order = await trx
        .selectFrom('sim_order')
        .selectAll()
        .where('ref', '=', o.ref)
        .forUpdate()
        .executeTakeFirst();
      if (order?.state !== 'admin_review') return null;
      return (await autoDecide(trx, ctx, order, mode, changed)).state;
    });
    if (state) decided.push({ ref: o.ref, state });
  }
  return decided;
}
