import { findOrder } from '../../adapters/db/order-repo.ts';
import { findActiveSubjectOfAccount } from '../../adapters/db/records-repo.ts';
import type { AppContext } from '../../app-context.ts';
import { deliverNotification } from './deliver.ts';
import { accountEmail, notifyApplicant } from './notify-applicant.ts';

/**
 * Timer-driven reminders, called by the deadline sweeper. Each checks that the reminder still makes sense
 * (the code is still unused, the order still waits for SMS) and is a no-op otherwise, so a reminder never has
 * to be disarmed. A throw leaves the deadline to be retried; delivery is once per key either way.
 */

/** Deadline `authorization_code_reminder`, ref_id = the code. */
export async function remindAuthorizationCodeExpiring(ctx: AppContext, code: string): Promise<void> {
  const row = await ctx.db
    .selectFrom('authorization_codes')
    .select(['code', 'account_id', 'state', 'expires_at'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (row?.state !== 'unused' || row.expires_at.getTime() <= ctx.clock.now().getTime()) return;
  const subject = await findActiveSubjectOfAccount(ctx.db, ctx.cipher, row.account_id);
  await deliverNotification(ctx, {
    accountId: row.account_id,
    orderId: null,
    idempotencyKey: `authorization_code_reminder:${row.code}`,
    locale: 'zh-CN',
    message: { template: 'authorization_code_expiring', data: { code: row.code, expiresAt: row.expires_at } },
    mobile: subject?.data.responsiblePerson.mobile?.trim() || null,
    email: await accountEmail(ctx.db, row.account_id),
  });
}

/** Deadline `sms_deadline_reminder`, ref_id = the order id. */
export async function remindSmsDeadline(ctx: AppContext, orderId: string): Promise<void> {
  const order = await findOrder(ctx.db, ctx.cipher, orderId);
  if (order?.state !== 'pending_sms_verification') return;
  await notifyApplicant(ctx, {
    orderId,
    template: 'sms_deadline_reminder',
    // Per submission: a resubmitted order gets a new window and a new reminder.
    idempotencyKey: `sms_deadline_reminder:${orderId}:${order.submissionCount}`,
  });
}
