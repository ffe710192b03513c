import type { NotificationChannelStatus, NotificationRow } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import type { NotificationLocale } from '../../domain/notifications/format.ts';
import { type NotificationInput, renderInput } from '../../domain/notifications/templates.ts';
import { releaseSmsSlot, reserveSmsSlot } from './sms-rate-limit.ts';

export type Delivery = {
  accountId: string;
  orderId: string | null;
  /** One key per event: the inbox row is unique on it, so the event is delivered once. */
  idempotencyKey: string;
  locale: NotificationLocale;
  message: NotificationInput;
  /** The applicant's mobile (plain, in memory only), or null when none is known. */
  mobile: string | null;
  email: string;
};

export type DeliveryResult = {
  notificationId: string;
  smsStatus: NotificationChannelStatus;
  emailStatus: NotificationChannelStatus;
  /** False when the event had already been fully delivered and nothing was sent now. */
  attempted: boolean;
};

/** Statuses that still need a send; everything else is a final outcome. */
const OPEN: readonly NotificationChannelStatus[] = ['pending', 'failed'];

/**
 * Inbox first, then the channels. The inbox row is the ledger: inserted once per idempotency key (a repeat
 * finds it and stops), and it records each channel's outcome as soon as it is known, so a retry after a failure
 * or crash sends only the channel still open. A send that failed makes this throw (after recording) so the
 * caller's outbox row or deadline is retried; the thrown text names channels, never recipients.
 */
export async function deliverNotification(ctx: AppContext, d: Delivery): Promise<DeliveryResult> {
  const rendered = renderInput(d.message, d.locale);
  const inserted = await ctx.db
    .insertInto('notifications')
    .values({
      id: crypto.randomUUID(),
      account_id: d.accountId,
      order_id: d.orderId,
      template: d.message.template,
      locale: d.locale,
      // The e-mail is the inbox item: same subject, same text.
      title: rendered.emailSubject,
      body: rendered.emailText,
      sms_status: d.mobile ? 'pending' : 'no_phone',
      email_status: 'pending',
      idempotency_key: d.idempotencyKey,
      created_at: ctx.clock.now(),
      read_at: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  const row: NotificationRow =
    inserted ??
    (await ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('idempotency_key', '=', d.idempotencyKey)
      .executeTakeFirstOrThrow());

  let smsStatus = row.sms_status;
  let emailStatus = row.email_status;
  if (!OPEN.includes(smsStatus) && !OPEN.includes(emailStatus)) {
    return { notificationId: row.id, smsStatus, emailStatus, attempted: false };
  }
  const failures: string[] = [];
  const record = (patch: { sms_status: NotificationChannelStatus } | { email_status: NotificationChannelStatus }) =>
    ctx.db.updateTable('notifications').set(patch).where('id', '=', row.id).execute();

  if (OPEN.includes(smsStatus)) {
    smsStatus = await sendSms(ctx, d.mobile, rendered.sms, `${d.idempotencyKey}:sms`, failures);
    await record({ sms_status: smsStatus });
  }
  if (OPEN.includes(emailStatus)) {
    try {
      // The stored text, not a fresh render: a retry sends exactly what the inbox shows.
      await ctx.email.send({
        to: d.email,
        subject: row.title,
        text: row.body,
        idempotencyKey: `${d.idempotencyKey}:email`,
      });
      emailStatus = 'sent';
    } catch (error) {
      emailStatus = 'failed';
      failures.push(`email: ${errorText(error)}`);
    }
    await record({ email_status: emailStatus });
  }
  if (failures.length > 0) throw new Error(`notification ${row.id} not fully delivered: ${failures.join('; ')}`);
  return { notificationId: row.id, smsStatus, emailStatus, attempted: true };
}

async function sendSms(
  ctx: AppContext,
  mobile: string | null,
  text: string,
  idempotencyKey: string,
  failures: string[],
): Promise<NotificationChannelStatus> {
  if (!mobile) return 'no_phone';
  const slot = await reserveSmsSlot(ctx, mobile);
  // Final, not retried: the same information reaches the applicant by e-mail and in the inbox.
  if (!slot) return 'rate_limited';
  try {
    await ctx.sms.send({ to: mobile, text, idempotencyKey });
    return 'sent';
  } catch (error) {
    // A failed attempt should not use up the phone's allowance for its own retry.
    await releaseSmsSlot(ctx, slot);
    failures.push(`sms: ${errorText(error)}`);
    return 'failed';
  }
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : 'unknown error').slice(0, 200);
