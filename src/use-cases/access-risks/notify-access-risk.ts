import { findActiveSubjectOfAccount } from '../../adapters/db/records-repo.ts';
import type { AppContext } from '../../app-context.ts';
import { deliverNotification } from '../notifications/deliver.ts';
import { accountEmail } from '../notifications/notify-applicant.ts';

/**
 * Outbox topic `notify.access_risk`: tells the applicant once that a filed website's access resource is gone
 * (SMS to the subject's responsible person, e-mail, inbox). A risk already resolved by the time the outbox runs
 * is not worth a message any more.
 */
export async function notifyAccessRisk(ctx: AppContext, riskId: string, idempotencyKey: string): Promise<void> {
  const risk = await ctx.db
    .selectFrom('website_access_risks as r')
    .innerJoin('websites as w', 'w.id', 'r.website_id')
    .select(['r.account_id', 'r.reason', 'r.resolved_at', 'w.domain_unicode', 'w.icp_number'])
    .where('r.id', '=', riskId)
    .executeTakeFirst();
  if (!risk || risk.resolved_at) return;
  const subject = await findActiveSubjectOfAccount(ctx.db, ctx.cipher, risk.account_id);
  await deliverNotification(ctx, {
    accountId: risk.account_id,
    orderId: null,
    idempotencyKey,
    locale: 'zh-CN',
    message: {
      template: 'website_access_at_risk',
      data: { domain: risk.domain_unicode, websiteNumber: risk.icp_number, reason: risk.reason },
    },
    mobile: subject?.data.responsiblePerson.mobile?.trim() || null,
    email: await accountEmail(ctx.db, risk.account_id),
  });
}
