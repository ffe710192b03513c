import type { AppContext } from '../../app-context.ts';
import { type AccessRiskReason, accessRiskOf } from '../../domain/access-risk.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { Resource } from '../../domain/ports/resource-inventory.ts';
import { endAccessWatch } from './access-checks.ts';

export const NOTIFY_ACCESS_RISK_TOPIC = 'notify.access_risk';

export type AccessSweepResult = { checked: number; flagged: number; resolved: number; inventoryUnavailable: boolean };

/**
 * The worker's access pass: the filed websites whose check is due (rows in `website_access_checks`, one index
 * probe when nothing is due) have their access resource looked up in the inventory, in one batch. A released or
 * expired resource opens a risk (one per website, the applicant told once through the outbox); a resource back
 * in service resolves it. A website whose access here ended is dropped from the watch. When the inventory cannot
 * be reached the checks stay due, so the next pass asks again.
 */
export async function sweepWebsiteAccess(ctx: AppContext, limit = 200): Promise<AccessSweepResult> {
  const now = ctx.clock.now();
  const result: AccessSweepResult = { checked: 0, flagged: 0, resolved: 0, inventoryUnavailable: false };
  const due = await ctx.db
    .selectFrom('website_access_checks as c')
    .innerJoin('websites as w', 'w.id', 'c.website_id')
    .leftJoin('authorization_codes as a', 'a.code', 'w.authorization_code')
    .select(['c.website_id as websiteId', 'w.status', 'w.account_id as accountId', 'a.resource_id as resourceId'])
    .where('c.next_check_at', '<=', now)
    .orderBy('c.next_check_at')
    .limit(limit)
    .execute();
  if (due.length === 0) return result;

  // Access ended, or nothing to look at (no code on file): off the watch.
  const gone = due.filter((d) => d.status !== 'active' || !d.resourceId).map((d) => d.websiteId);
  if (gone.length > 0) await ctx.db.transaction().execute((trx) => endAccessWatch(trx, gone, now));
  const live = due.filter((d) => d.status === 'active' && d.resourceId) as Array<
    (typeof due)[number] & {
      resourceId: string;
    }
  >;
  if (live.length === 0) return result;

  let resources: Resource[];
  try {
    resources = await ctx.inventory.getMany([...new Set(live.map((d) => d.resourceId))]);
  } catch (error) {
    if (isDomainError(error) && error.code === 'RESOURCE_INVENTORY_UNAVAILABLE') {
      return { ...result, inventoryUnavailable: true };
    }
    throw error;
  }
  const byId = new Map(resources.map((r) => [r.id, r]));
  const nextCheckAt = new Date(now.getTime() + ctx.config.ACCESS_CHECK_INTERVAL_HOURS * 3600_000);

  await ctx.db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('website_access_risks')
      .select(['id', 'website_id', 'reason'])
      .where(
        'website_id',
        'in',
        live.map((d) => d.websiteId),
      )
      .where('resolved_at', 'is', null)
      .execute();
    const openByWebsite = new Map(open.map((r) => [r.website_id, r]));
    for (const d of live) {
      const resource = byId.get(d.resourceId) ?? null;
      // A resource that moved to another account no longer serves this one.
      const reason: AccessRiskReason | null =
        resource && resource.accountId !== d.accountId ? 'released' : accessRiskOf(resource, now);
      const current = openByWebsite.get(d.websiteId);
      if (reason && !current) {
        const id = crypto.randomUUID();
        await trx
          .insertInto('website_access_risks')
          .values({
            id,
            website_id: d.websiteId,
            account_id: d.accountId,
            resource_id: d.resourceId,
            reason,
            detected_at: now,
            resolved_at: null,
            resolution: null,
          })
          .execute();
        await trx
          .insertInto('outbox')
          .values({
            id: crypto.randomUUID(),
            topic: NOTIFY_ACCESS_RISK_TOPIC,
            payload: JSON.stringify({ riskId: id }),
            idempotency_key: `${NOTIFY_ACCESS_RISK_TOPIC}:${id}`,
            attempts: 0,
            next_attempt_at: now,
            created_at: now,
            held_at: null,
          })
          .execute();
        result.flagged += 1;
      } else if (reason && current && current.reason !== reason) {
        await trx.updateTable('website_access_risks').set({ reason }).where('id', '=', current.id).execute();
      } else if (!reason && current) {
        await trx
          .updateTable('website_access_risks')
          .set({ resolved_at: now, resolution: 'resource_back' })
          .where('id', '=', current.id)
          .execute();
        result.resolved += 1;
      }
    }
    await trx
      .updateTable('website_access_checks')
      .set({ next_check_at: nextCheckAt, checked_at: now })
      .where(
        'website_id',
        'in',
        live.map((d) => d.websiteId),
      )
      .execute();
  });
  result.checked = live.length;
  return result;
}
