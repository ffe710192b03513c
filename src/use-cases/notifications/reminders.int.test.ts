import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/support/test-context.ts';
import {
  createSeededResourceInventory,
  seedResourcesForAccount,
} from '../../adapters/resources/seeded-resource-inventory.ts';
import type { AppContext } from '../../app-context.ts';
import type { ManualClock } from '../../domain/ports/clock.ts';
import { applyForCode } from '../authorization-codes/apply-for-code.ts';
import { insertAccount } from '../authorization-codes/code-test-fixtures.ts';
import { notifyApplicant } from './notify-applicant.ts';
import {
  AUTHORIZATION_CODE_REMINDER_DEADLINE,
  armAuthorizationCodeReminder,
  CODE_REMINDER_LEAD_MS,
  SMS_DEADLINE_REMINDER_DEADLINE,
} from './reminder-deadlines.ts';
import { remindAuthorizationCodeExpiring, remindSmsDeadline } from './reminders.ts';

let ctx: AppContext;
let clock: ManualClock;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ ctx, clock, close } = await createTestContext());
});
afterAll(async () => close?.());

const deadline = (kind: string, ref: string) =>
  ctx.db.selectFrom('deadlines').selectAll().where('kind', '=', kind).where('ref_id', '=', ref).executeTakeFirst();
const inboxOf = (accountId: string) =>
  ctx.db.selectFrom('notifications').selectAll().where('account_id', '=', accountId).execute();

/** An order in MIIT's SMS window, as the regulator sync leaves it. */
async function orderInSmsWindow(closesAt: Date) {
  const now = clock.now();
  const accountId = await insertAccount(ctx.db, now);
  const id = crypto.randomUUID();
  await ctx.db
    .insertInto('filing_orders')
    .values({
      id,
      account_id: accountId,
      subject_id: null,
      type: 'first_filing',
      state: 'pending_sms_verification',
      verification_stage: 'after_provider_review',
      version: 7,
      province: 'beijing',
      data_enc: ctx.cipher.encryptJson({
        subject: { responsiblePerson: { mobile: `137${String(Math.floor(Math.random() * 9e7) + 1e7)}` } },
        websites: [{ domain: `r-${id.slice(0, 8)}.cn` }],
      }),
      determination: JSON.stringify({}),
      target_website_ids: JSON.stringify([]),
      submission_count: 1,
      regulator_ref: `ref-${id}`,
      regulator_status: JSON.stringify({
        state: 'sms_pending',
        deadlineAt: closesAt.toISOString(),
        persons: [
          {
            mobileMasked: '137****0000',
            roles: [{ role: 'subject' }],
            state: 'code_sent',
            resendCount: 0,
            wrongAttempts: 0,
          },
        ],
      }),
      last_activity_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, accountId };
}

describe('SMS countdown reminder', () => {
  it('is armed 12 h before the window closes by the "window opened" notice and sends the countdown once', async () => {
    const closesAt = new Date(clock.now().getTime() + 24 * 3600_000);
    const order = await orderInSmsWindow(closesAt);
    await notifyApplicant(ctx, {
      orderId: order.id,
      template: 'sms_window_opened',
      idempotencyKey: `open:${order.id}`,
    });
    const armed = await deadline(SMS_DEADLINE_REMINDER_DEADLINE, order.id);
    expect(armed?.due_at.toISOString()).toBe(new Date(closesAt.getTime() - 12 * 3600_000).toISOString());

    clock.advance(12 * 3600_000);
    await remindSmsDeadline(ctx, order.id);
    await remindSmsDeadline(ctx, order.id);
    const items = await inboxOf(order.accountId);
    const reminders = items.filter((i) => i.template === 'sms_deadline_reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.title).toContain('剩余约12小时');
    expect(reminders[0]!.body).toContain('137****0000');
    expect(reminders[0]!.email_status).toBe('sent');
  });

  it('is a no-op once the order has left the SMS window', async () => {
    const order = await orderInSmsWindow(new Date(clock.now().getTime() + 24 * 3600_000));
    await ctx.db
      .updateTable('filing_orders')
      .set({ state: 'pending_admin_review' })
      .where('id', '=', order.id)
      .execute();
    await remindSmsDeadline(ctx, order.id);
    expect(await inboxOf(order.accountId)).toEqual([]);
  });
});

describe('authorization code expiry reminder', () => {
  it('fires 30 days before expiry for an unused code, once; not for a code already in a filing', async () => {
    const accountId = await insertAccount(ctx.db, clock.now());
    const { eligibleServer } = await seedResourcesForAccount(ctx.db, accountId, clock.now());
    const inventory = createSeededResourceInventory(ctx.db);
    const issue = () => applyForCode(ctx.db, inventory, { accountId, resourceId: eligibleServer.id, now: clock.now() });
    const code = await issue();
    const busy = await issue();
    // What apply-for-code will do in its transaction once wired.
    await ctx.db.transaction().execute(async (trx) => {
      await armAuthorizationCodeReminder(trx, code.code, code.expiresAt);
      await armAuthorizationCodeReminder(trx, busy.code, busy.expiresAt);
    });
    const armed = await deadline(AUTHORIZATION_CODE_REMINDER_DEADLINE, code.code);
    expect(armed?.due_at.getTime()).toBe(code.expiresAt.getTime() - CODE_REMINDER_LEAD_MS);
    await ctx.db.updateTable('authorization_codes').set({ state: 'in_filing' }).where('code', '=', busy.code).execute();

    clock.set(armed!.due_at);
    await remindAuthorizationCodeExpiring(ctx, code.code);
    await remindAuthorizationCodeExpiring(ctx, code.code);
    await remindAuthorizationCodeExpiring(ctx, busy.code);
    const items = await inboxOf(accountId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      template: 'authorization_code_expiring',
      order_id: null,
      sms_status: 'no_phone',
      email_status: 'sent',
    });
    expect(items[0]!.body).toContain(code.code);
    const mails = await ctx.db
      .selectFrom('dev_email_outbox')
      .selectAll()
      .where('idempotency_key', '=', `authorization_code_reminder:${code.code}:email`)
      .execute();
    expect(mails).toHaveLength(1);
    expect(ctx.cipher.decryptJson(mails[0]!.to_enc)).toBe(`${accountId}@example.test`);
  });
});
