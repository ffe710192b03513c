import type { NotificationChannelStatus } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { assertNotSubAccount } from '../orders/order-access.ts';

export type InboxItem = {
  id: string;
  orderId: string | null;
  template: string;
  locale: string;
  title: string;
  body: string;
  smsStatus: NotificationChannelStatus;
  emailStatus: NotificationChannelStatus;
  createdAt: Date;
  readAt: Date | null;
};

export type Inbox = { items: InboxItem[]; unreadCount: number };

/** The account's inbox, newest first. Sub-accounts see their parent account's inbox (accountId is the owner). */
export async function listInbox(ctx: AppContext, accountId: string, limit = 50): Promise<Inbox> {
  const rows = await ctx.db
    .selectFrom('notifications')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  const unread = await ctx.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => ({
      id: r.id,
      orderId: r.order_id,
      template: r.template,
      locale: r.locale,
      title: r.title,
      body: r.body,
      smsStatus: r.sms_status,
      emailStatus: r.email_status,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    unreadCount: Number(unread.n),
  };
}

/**
 * Marks one item read (the first read time stays). Another account's item reads as missing, so ids cannot be
 * probed. Sub-accounts read the parent's inbox but do not change it: what the applicant has not seen stays
 * unread for the applicant.
 */
export async function markRead(ctx: AppContext, user: AuthUser, id: string): Promise<{ readAt: Date }> {
  assertNotSubAccount(user);
  const { accountId } = user;
  const now = ctx.clock.now();
  await ctx.db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .execute();
  const row = await ctx.db
    .selectFrom('notifications')
    .select('read_at')
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!row?.read_at) throw new DomainError('NOT_FOUND', { details: { notificationId: id } });
  return { readAt: row.read_at };
}
