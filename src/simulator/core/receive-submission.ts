import { sql } from 'kysely';
import type { RejectionReason } from '../../contracts/filing-data.ts';
import type { RegulatorSubmission } from '../../domain/ports/regulator-gateway.ts';
import { startAdminReview } from './admin-review.ts';
import { checkRecords } from './check-records.ts';
import { checkSubmissionShape } from './check-submission-shape.ts';
import { inTransaction, type SimContext, type SimTrx, SMS_VALIDITY_MS } from './context.ts';
import { sendInitialCodes } from './sms-codes.ts';
import { verifyDomain } from './verify-domain.ts';

/**
 * MIIT receiving an order from the access provider. Idempotent on `idempotencyKey`: a repeat (the platform retrying
 * after a timeout) returns the first ref and sends no second SMS. The outcome is decided at once: rejected at intake
 * (structure, records or domain verification), SMS verification, or straight to the administration.
 */
export async function receiveSubmission(ctx: SimContext, s: RegulatorSubmission): Promise<{ regulatorRef: string }> {
  const existing = await findSubmission(ctx, s.idempotencyKey);
  if (existing) return existing;
  return inTransaction(ctx, async (trx, changed) => {
    const now = ctx.clock.now();
    const reasons = await intakeReasons(trx, ctx, s);
    const smsPending = reasons.length === 0 && s.smsTargets.length > 0;
    const ref = await nextRef(trx, now);
    const inserted = await trx
      .insertInto('sim_order')
      .values({
        ref,
        idempotency_key: s.idempotencyKey,
        order_id: s.orderId,
        type: s.type,
        province: s.province,
        subject_number: s.subjectNumber?.trim() || null,
        payload: JSON.stringify(s),
        state: reasons.length > 0 ? 'rejected_at_intake' : smsPending ? 'sms_pending' : 'admin_review',
        cause: null,
        reasons: JSON.stringify(reasons),
        result: null,
        sms_required: s.smsTargets.length > 0,
        sms_deadline_at: smsPending ? new Date(now.getTime() + SMS_VALIDITY_MS) : null,
        review_started_at: null,
        received_at: now,
        updated_at: now,
        decided_at: reasons.length > 0 ? now : null,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('ref')
      .executeTakeFirst();
    if (!inserted) {
      // A concurrent call with the same key won the insert; answer with its ref and do nothing else.
      const winner = await trx
        .selectFrom('sim_order')
        .select('ref')
        .where('idempotency_key', '=', s.idempotencyKey)
        .executeTakeFirstOrThrow();
      return { regulatorRef: winner.ref };
    }
    changed.add(ref);
    if (smsPending) await sendInitialCodes(trx, ctx, ref, s.smsTargets);
    else if (reasons.length === 0) await startAdminReview(trx, ctx, ref, changed);
    return { regulatorRef: ref };
  });
}

export async function findSubmission(ctx: SimContext, idempotencyKey: string) {
  const row = await ctx.db
    .selectFrom('sim_order')
    .select('ref')
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  return row ? { regulatorRef: row.ref } : null;
}

async function intakeReasons(trx: SimTrx, ctx: SimContext, s: RegulatorSubmission): Promise<RejectionReason[]> {
  const shape = checkSubmissionShape(s);
  if (shape.length > 0) return shape;
  const records = await checkRecords(trx, s);
  if (records.reasons.length > 0 || !records.filer) return records.reasons;
  const out: RejectionReason[] = [];
  for (const d of records.domainsToVerify) {
    out.push(...(await verifyDomain(trx, ctx, { domain: d.domain, field: d.field, filer: records.filer })));
  }
  return out;
}

/** Readable, ordered refs (`SIM20261128000042`): the Beijing date of receipt plus a global sequence. */
async function nextRef(trx: SimTrx, now: Date): Promise<string> {
  const { seq } = await sql<{ seq: number }>`SELECT nextval('sim_order_seq')::int AS seq`
    .execute(trx)
    .then((r) => r.rows[0]!);
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `SIM${day}${String(seq).padStart(6, '0')}`;
}
