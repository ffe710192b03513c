import type { Kysely } from 'kysely';
import { getOrder } from '../../adapters/db/order-repo.ts';
import {
  findActiveSubjectOfAccount,
  findSubjectById,
  listActiveWebsitesOfSubject,
} from '../../adapters/db/records-repo.ts';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import type { RejectionReason } from '../../contracts/filing-data.ts';
import { DomainError } from '../../domain/errors.ts';
import type { NotificationTemplate } from '../../domain/lifecycle/types.ts';
import type { ApprovalNumbers, NotificationLocale } from '../../domain/notifications/format.ts';
import type { NotificationInput, OrderFacts } from '../../domain/notifications/templates.ts';
import type { Order } from '../../domain/order.ts';
import { type DeliveryResult, deliverNotification } from './deliver.ts';
import { armSmsDeadlineReminder } from './reminder-deadlines.ts';

export type NotifyApplicantInput = {
  orderId: string;
  template: NotificationTemplate | 'sms_deadline_reminder';
  /** The outbox row's (or deadline's) key: one event, one delivery. */
  idempotencyKey: string;
  /** Accounts carry no language preference yet; Chinese is the platform's primary language. */
  locale?: NotificationLocale;
};

const REJECTION_TEMPLATES: ReadonlySet<string> = new Set([
  'provider_rejected',
  'authenticity_rejected',
  'returned_by_miit',
  'admin_rejected',
]);

/**
 * Tells the applicant about an order event by SMS, e-mail and the in-app inbox (see deliverNotification for
 * the once-per-event and retry rules). Called by the outbox dispatcher for `notify.applicant` rows, and by the
 * SMS countdown reminder. Reads the order as it is now: by the time the outbox runs, the transition has
 * committed, so rejection reasons and approval numbers are in place.
 */
export async function notifyApplicant(ctx: AppContext, input: NotifyApplicantInput): Promise<DeliveryResult> {
  const order = await getOrder(ctx.db, ctx.cipher, input.orderId);
  const facts: OrderFacts = { filingType: order.type, domains: await orderDomains(ctx.db, order) };
  const message = await buildMessage(ctx, order, input.template, facts);
  if (message.template === 'sms_window_opened') {
    await armSmsDeadlineReminder(ctx.db, order.id, message.data.smsDeadlineAt, ctx.clock.now());
  }
  return deliverNotification(ctx, {
    accountId: order.accountId,
    orderId: order.id,
    idempotencyKey: input.idempotencyKey,
    locale: input.locale ?? 'zh-CN',
    message,
    mobile: await applicantMobile(ctx, order),
    email: await accountEmail(ctx.db, order.accountId),
  });
}

async function buildMessage(
  ctx: AppContext,
  order: Order,
  template: NotifyApplicantInput['template'],
  facts: OrderFacts,
): Promise<NotificationInput> {
  if (REJECTION_TEMPLATES.has(template)) {
    const reasons = await latestRejectionReasons(ctx.db, order.id);
    return { template: template as 'provider_rejected', data: { ...facts, reasons } };
  }
  if (template === 'approved') return { template, data: { ...facts, numbers: await approvalNumbers(ctx, order) } };
  if (template === 'sms_window_opened' || template === 'sms_deadline_reminder') {
    const smsDeadlineAt = await smsDeadline(ctx, order);
    const hoursLeft = Math.max(0, Math.round((smsDeadlineAt.getTime() - ctx.clock.now().getTime()) / 3600_000));
    const status = order.regulatorStatus;
    const maskedMobiles = status?.state === 'sms_pending' ? status.persons.map((p) => p.mobileMasked) : [];
    return { template, data: { ...facts, smsDeadlineAt, hoursLeft, maskedMobiles } };
  }
  return { template: template as 'submitted_to_regulator', data: facts };
}

/** The domains the order is about: its website entries, or the records it cancels or changes. */
async function orderDomains(db: Kysely<Database>, order: Order): Promise<string[]> {
  const fromData = order.data.websites.flatMap((w) => (w.domain ? [w.domain] : []));
  if (fromData.length > 0) return fromData;
  if (order.targetWebsiteIds.length > 0) {
    const rows = await db.selectFrom('websites').select('domain').where('id', 'in', order.targetWebsiteIds).execute();
    if (rows.length > 0) return rows.map((r) => r.domain);
  }
  return order.determination.domain ? [order.determination.domain] : [];
}

async function latestRejectionReasons(db: Kysely<Database>, orderId: string): Promise<RejectionReason[]> {
  const row = await db
    .selectFrom('order_rejections')
    .select('reasons')
    .where('order_id', '=', orderId)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (row?.reasons as RejectionReason[] | undefined) ?? [];
}

/** From MIIT's approval status; the filed records are the fallback when the status has moved on. */
async function approvalNumbers(ctx: AppContext, order: Order): Promise<ApprovalNumbers> {
  const status = order.regulatorStatus;
  if (status?.state === 'approved') return { subjectNumber: status.subjectNumber, websites: status.websites };
  const subject = order.subjectId ? await findSubjectById(ctx.db, ctx.cipher, order.subjectId) : null;
  if (!subject) return { websites: [] };
  const websites = await listActiveWebsitesOfSubject(ctx.db, ctx.cipher, subject.id);
  const domains = new Set(order.data.websites.map((w) => w.domain));
  return {
    subjectNumber: subject.icpNumber,
    websites: websites
      .filter((w) => domains.has(w.domain))
      .map((w) => ({ domain: w.domain, websiteNumber: w.icpNumber })),
  };
}

/** MIIT's own deadline when it reported one; otherwise our SMS window timer; otherwise a full window from now. */
async function smsDeadline(ctx: AppContext, order: Order): Promise<Date> {
  const status = order.regulatorStatus;
  if (status?.state === 'sms_pending') return new Date(status.deadlineAt);
  const timer = await ctx.db
    .selectFrom('deadlines')
    .select('due_at')
    .where('kind', '=', 'sms_window')
    .where('ref_id', '=', order.id)
    .where('fired_at', 'is', null)
    .executeTakeFirst();
  return timer?.due_at ?? new Date(ctx.clock.now().getTime() + ctx.lifecycle.smsWindowHours * 3600_000);
}

/** The subject responsible person's mobile: from the order's data, else from the filed subject record. */
export async function applicantMobile(ctx: AppContext, order: Order): Promise<string | null> {
  const fromOrder = order.data.subject?.responsiblePerson?.mobile?.trim();
  if (fromOrder) return fromOrder;
  const subject = order.subjectId
    ? await findSubjectById(ctx.db, ctx.cipher, order.subjectId)
    : await findActiveSubjectOfAccount(ctx.db, ctx.cipher, order.accountId);
  return subject?.data.responsiblePerson.mobile?.trim() || null;
}

/** The account's login e-mail; a sub-account's parent is the account, so orders always name the owner. */
export async function accountEmail(db: Kysely<Database>, accountId: string): Promise<string> {
  const user = await db.selectFrom('users').select('email').where('id', '=', accountId).executeTakeFirst();
  if (!user) throw new DomainError('NOT_FOUND', { details: { accountId } });
  return user.email;
}
