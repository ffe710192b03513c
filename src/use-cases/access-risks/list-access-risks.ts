import type { AppContext } from '../../app-context.ts';
import type { AccessRiskView, StaffAccessRisks } from '../../contracts/records-api.ts';
import { ACCESS_RISK_FIX, ACCESS_RISK_TEXT } from '../../domain/access-risk.ts';

/** The open access risks of the account's websites, by website id (备案管理). */
export async function openAccessRisksOfAccount(
  ctx: Pick<AppContext, 'db'>,
  accountId: string,
): Promise<Map<string, AccessRiskView>> {
  const rows = await ctx.db
    .selectFrom('website_access_risks')
    .select(['website_id', 'reason', 'detected_at', 'resource_id'])
    .where('account_id', '=', accountId)
    .where('resolved_at', 'is', null)
    .execute();
  return new Map(
    rows.map((r) => [
      r.website_id,
      {
        reason: r.reason,
        detectedAt: new Date(r.detected_at).toISOString(),
        resourceId: r.resource_id,
        message: ACCESS_RISK_TEXT[r.reason],
        fix: ACCESS_RISK_FIX,
      },
    ]),
  );
}

/** The back office's list: every open risk, oldest first (the longest without access), with the total. */
export async function listOpenAccessRisks(ctx: Pick<AppContext, 'db'>, limit = 100): Promise<StaffAccessRisks> {
  const open = ctx.db.selectFrom('website_access_risks as r').where('r.resolved_at', 'is', null);
  const [count, rows] = await Promise.all([
    open.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    open
      .innerJoin('websites as w', 'w.id', 'r.website_id')
      .innerJoin('subjects as s', 's.id', 'w.subject_id')
      .select([
        'r.id',
        'r.website_id',
        'r.resource_id',
        'r.reason',
        'r.detected_at',
        'w.domain_unicode',
        'w.icp_number',
        's.public_name',
      ])
      .orderBy('r.detected_at')
      .orderBy('r.id')
      .limit(limit)
      .execute(),
  ]);
  return {
    openCount: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      websiteId: r.website_id,
      domain: r.domain_unicode,
      websiteNumber: r.icp_number,
      subjectName: r.public_name,
      resourceId: r.resource_id,
      reason: r.reason,
      detectedAt: new Date(r.detected_at).toISOString(),
    })),
  };
}
