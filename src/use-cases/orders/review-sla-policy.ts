import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import type { Config } from '../../config.ts';
import { addWorkingDays } from '../../domain/calendar/working-days.ts';
import { type ReviewSlaPolicy, SLA_STATES, slaWorkingDays } from '../../domain/review/review-sla.ts';

/** The SLA policy the configuration asks for (README "Configuration"). */
export const reviewSlaPolicy = (
  config: Pick<Config, 'PROVIDER_REVIEW_SLA_WORKING_DAYS' | 'PROVIDER_REVIEW_SLA_BY_PROVINCE'>,
): ReviewSlaPolicy => ({
  defaultWorkingDays: config.PROVIDER_REVIEW_SLA_WORKING_DAYS,
  byProvince: config.PROVIDER_REVIEW_SLA_BY_PROVINCE as Record<string, number>,
});

/**
 * Orders already waiting for the provider when migration 0012 came: their clock starts from their last
 * activity (the (re)submission or the authenticity hand-in), the best record of when they entered the queue.
 * With `all`, every waiting order's due time is worked out again from that same start: after the working
 * calendar changed (a holiday entered late), the limits already running count the new days too.
 */
export async function backfillSlaDueAt(
  db: Kysely<Database>,
  policy: ReviewSlaPolicy,
  options: { all?: boolean } = {},
): Promise<number> {
  let q = db
    .selectFrom('filing_orders')
    .select(['id', 'province', 'last_activity_at', 'sla_due_at'])
    .where('state', 'in', [...SLA_STATES]);
  if (!options.all) q = q.where('sla_due_at', 'is', null);
  let changed = 0;
  for (const r of await q.execute()) {
    const due = addWorkingDays(r.last_activity_at, slaWorkingDays(policy, r.province));
    if (r.sla_due_at?.getTime() === due.getTime()) continue;
    // Only if no transition moved the order meanwhile (it would have set its own due time).
    const res = await db
      .updateTable('filing_orders')
      .set({ sla_due_at: due })
      .where('id', '=', r.id)
      .where('last_activity_at', '=', r.last_activity_at)
      .executeTakeFirst();
    changed += Number(res.numUpdatedRows);
  }
  return changed;
}
