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
 */
export async function backfillSlaDueAt(db: Kysely<Database>, policy: ReviewSlaPolicy): Promise<number> {
  const rows = await db
    .selectFrom('filing_orders')
    .select(['id', 'province', 'last_activity_at'])
    .where('state', 'in', [...SLA_STATES])
    .where('sla_due_at', 'is', null)
    .execute();
  for (const r of rows) {
    await db
      .updateTable('filing_orders')
      .set({ sla_due_at: addWorkingDays(r.last_activity_at, slaWorkingDays(policy, r.province)) })
      .where('id', '=', r.id)
      .where('sla_due_at', 'is', null)
      .execute();
  }
  return rows.length;
}
