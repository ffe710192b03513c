import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/support/test-context.ts';
import type { AppContext } from '../../app-context.ts';
import type { RejectionReason } from '../../contracts/filing-data.ts';
import type { EmailMessage, EmailSender, SmsMessage, SmsSender } from '../../domain/notifications/ports.ts';
import type { ManualClock } from '../../domain/ports/clock.ts';
import { insertAccount } from '../authorization-codes/code-test-fixtures.ts';
import { dispatchOutbox } from '../regulator/dispatch-outbox.ts';
import { notifyApplicant } from './notify-applicant.ts';
import { phoneIndex } from './sms-rate-limit.ts';

/** Recording senders whose next N calls can be made to fail. */
const sent = { sms: [] as SmsMessage[], email: [] as EmailMessage[] };
const failNext = { sms: 0, email: 0 };
const sms: SmsSender = {
  send: async (m) => {
    if (failNext.sms > 0 && failNext.sms--) throw new Error('SMS provider answered HTTP 503');
    sent.sms.push(m);
  },
};
const email: EmailSender = {
  send: async (m) => {
    if (failNext.email > 0 && failNext.email--) throw new Error('SMTP send failed (ECONNECTION)');
    sent.email.push(m);
  },
};

let ctx: AppContext;
let clock: ManualClock;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ ctx, clock, close } = await createTestContext({ sms, email }));
});
afterAll(async () => close?.());
beforeEach(() => {
  sent.sms = [];
  sent.email = [];
  failNext.sms = 0;
  failNext.email = 0;
  // Far apart, so one test's texts never rate-limit the next one's.
  clock.advance(2 * 24 * 3600_000);
});

const reasons: RejectionReason[] = [
  {
    field: 'websites.0.name',
    code: 'WEBSITE_NAME_MISMATCH',
    message: '网站名称与内容不符',
    suggestion: '请修改网站名称',
  },
];
const randomMobile = () => `139${String(Math.floor(Math.random() * 9e7) + 1e7)}`;

/** A provider-rejected first filing with one rejection row, written directly (no HTTP needed here). */
async function rejectedOrder(mobile: string | null) {
  const now = clock.now();
  const accountId = await insertAccount(ctx.db, now);
  const id = crypto.randomUUID();
  const domain = `n-${id.slice(0, 8)}.cn`;
  await ctx.db
    .insertInto('filing_orders')
    .values({
      id,
      account_id: accountId,
      subject_id: null,
      type: 'first_filing',
      state: 'provider_rejected',
      verification_stage: 'after_provider_review',
      version: 4,
      province: 'beijing',
      data_enc: ctx.cipher.encryptJson({
        ...(mobile ? { subject: { responsiblePerson: { mobile, name: '张三' } } } : {}),
        websites: [{ domain }],
      }),
      determination: JSON.stringify({ domain }),
      target_website_ids: JSON.stringify([]),
      submission_count: 1,
      last_activity_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('order_rejections')
    .values({
      id: crypto.randomUUID(),
      order_id: id,
      stage: 'provider',
      reasons: JSON.stringify(reasons),
      actor_id: null,
      at: now,
    })
    .execute();
  return { id, accountId, domain, email: `${accountId}@example.test` };
}

const inbox = (key: string) =>
  ctx.db.selectFrom('notifications').selectAll().where('idempotency_key', '=', key).execute();

describe('notifyApplicant', () => {
  it('delivers once per event: the same key twice gives one inbox row, one SMS and one e-mail', async () => {
    const mobile = randomMobile();
    const order = await rejectedOrder(mobile);
    const key = `notify:${order.id}:provider_rejected:1:5`;
    const first = await notifyApplicant(ctx, { orderId: order.id, template: 'provider_rejected', idempotencyKey: key });
    const second = await notifyApplicant(ctx, {
      orderId: order.id,
      template: 'provider_rejected',
      idempotencyKey: key,
    });
    expect(first).toMatchObject({ smsStatus: 'sent', emailStatus: 'sent', attempted: true });
    expect(second).toMatchObject({ notificationId: first.notificationId, attempted: false });
    expect(await inbox(key)).toHaveLength(1);
    expect(sent.sms).toHaveLength(1);
    expect(sent.email).toHaveLength(1);
    expect(sent.sms[0]).toMatchObject({ to: mobile, idempotencyKey: `${key}:sms` });
    expect(sent.email[0]).toMatchObject({ to: order.email, idempotencyKey: `${key}:email` });
    const [row] = await inbox(key);
    expect(row).toMatchObject({ account_id: order.accountId, order_id: order.id, locale: 'zh-CN', read_at: null });
    expect(row!.body).toContain('网站名称与内容不符');
    expect(row!.body).toContain('修改建议：请修改网站名称');
    expect(row!.body).toContain(order.domain);
    expect(sent.email[0]!.text).toBe(row!.body);
    // The rate-limit log knows the phone only by its blind index.
    const log = await ctx.db
      .selectFrom('sms_send_log')
      .selectAll()
      .where('phone_bidx', '=', phoneIndex(ctx, mobile))
      .execute();
    expect(log).toHaveLength(1);
    expect(JSON.stringify(log)).not.toContain(mobile);
  });

  it('rate-limits per phone (1/min, 5/h) while the e-mail still goes; other phones are unaffected', async () => {
    const mobile = randomMobile();
    const order = await rejectedOrder(mobile);
    const other = await rejectedOrder(randomMobile());
    const notify = (o: { id: string }, n: number) =>
      notifyApplicant(ctx, { orderId: o.id, template: 'provider_rejected', idempotencyKey: `rl:${o.id}:${n}` });

    expect((await notify(order, 1)).smsStatus).toBe('sent');
    clock.advance(61_000);
    expect((await notify(order, 2)).smsStatus).toBe('sent');
    clock.advance(30_000);
    // The third message, within a minute of the second.
    const third = await notify(order, 3);
    expect(third).toMatchObject({ smsStatus: 'rate_limited', emailStatus: 'sent' });
    expect((await notify(other, 1)).smsStatus).toBe('sent');
    for (let n = 4; n <= 6; n++) {
      clock.advance(61_000);
      expect((await notify(order, n)).smsStatus).toBe('sent');
    }
    // Five texts to this phone in the last hour (1, 2, 4, 5, 6): the next one waits for the hour to pass.
    clock.advance(61_000);
    expect((await notify(order, 7)).smsStatus).toBe('rate_limited');
    clock.advance(3600_000);
    expect((await notify(order, 8)).smsStatus).toBe('sent');
    expect(sent.sms.filter((m) => m.to === mobile)).toHaveLength(6);
    expect(sent.email).toHaveLength(9);
    expect((await inbox(`rl:${order.id}:3`))[0]).toMatchObject({ sms_status: 'rate_limited', email_status: 'sent' });
  });

  it('a retry after a failed e-mail sends only the e-mail, not the SMS again', async () => {
    const order = await rejectedOrder(randomMobile());
    const key = `retry-email:${order.id}`;
    failNext.email = 1;
    const input = { orderId: order.id, template: 'provider_rejected' as const, idempotencyKey: key };
    await expect(notifyApplicant(ctx, input)).rejects.toThrow(/email: SMTP send failed/);
    expect((await inbox(key))[0]).toMatchObject({ sms_status: 'sent', email_status: 'failed' });
    clock.advance(2000);
    expect(await notifyApplicant(ctx, input)).toMatchObject({
      smsStatus: 'sent',
      emailStatus: 'sent',
      attempted: true,
    });
    expect(sent.sms).toHaveLength(1);
    expect(sent.email).toHaveLength(1);
    expect(await inbox(key)).toHaveLength(1);
  });

  it('a retry after a failed SMS sends only the SMS, and the failed attempt does not use up the rate limit', async () => {
    const order = await rejectedOrder(randomMobile());
    const key = `retry-sms:${order.id}`;
    failNext.sms = 1;
    const input = { orderId: order.id, template: 'provider_rejected' as const, idempotencyKey: key };
    await expect(notifyApplicant(ctx, input)).rejects.toThrow(/sms: SMS provider answered HTTP 503/);
    expect((await inbox(key))[0]).toMatchObject({ sms_status: 'failed', email_status: 'sent' });
    clock.advance(1000);
    expect(await notifyApplicant(ctx, input)).toMatchObject({ smsStatus: 'sent', emailStatus: 'sent' });
    expect(sent.sms).toHaveLength(1);
    expect(sent.email).toHaveLength(1);
  });

  it('without a known mobile the SMS is recorded as no_phone and the e-mail still goes', async () => {
    const order = await rejectedOrder(null);
    const result = await notifyApplicant(ctx, {
      orderId: order.id,
      template: 'provider_rejected',
      idempotencyKey: `nophone:${order.id}`,
    });
    expect(result).toMatchObject({ smsStatus: 'no_phone', emailStatus: 'sent' });
    expect(sent.sms).toHaveLength(0);
  });

  it('the outbox routes notify.applicant rows to it and retries a failed delivery with backoff', async () => {
    const order = await rejectedOrder(randomMobile());
    const key = `notify:${order.id}:provider_rejected:1:5`;
    await ctx.db
      .insertInto('outbox')
      .values({
        id: crypto.randomUUID(),
        topic: 'notify.applicant',
        payload: JSON.stringify({ orderId: order.id, template: 'provider_rejected' }),
        idempotency_key: key,
        attempts: 0,
        next_attempt_at: clock.now(),
        created_at: clock.now(),
      })
      .execute();
    failNext.email = 1;
    await dispatchOutbox(ctx);
    const pending = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('idempotency_key', '=', key)
      .executeTakeFirstOrThrow();
    expect(pending.done_at).toBeNull();
    expect(pending.last_error).toContain('email: SMTP send failed');
    expect(pending.last_error).not.toContain(order.email);
    clock.advance(5000);
    await dispatchOutbox(ctx);
    const done = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('idempotency_key', '=', key)
      .executeTakeFirstOrThrow();
    expect(done.done_at).not.toBeNull();
    expect(sent.sms).toHaveLength(1);
    expect(sent.email).toHaveLength(1);
    expect((await inbox(key))[0]).toMatchObject({ sms_status: 'sent', email_status: 'sent' });
  });
});
