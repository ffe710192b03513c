import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/support/test-context.ts';
import type { AppContext } from '../../app-context.ts';
import type { OrderState } from '../../domain/order-state.ts';
import { insertAccount } from '../authorization-codes/code-test-fixtures.ts';
import { listAccountOrders, listReviewQueue } from './list-orders.ts';

let ctx: AppContext;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
});
afterAll(() => close());

/** One order per account (an account holds at most one open order), submitted at the given time. */
async function insertQueuedOrder(
  state: OrderState,
  submittedAt: Date,
  updatedAt = submittedAt,
  extra: { province?: string; type?: 'first_filing' | 'add_website_subject_here' } = {},
): Promise<string> {
  const accountId = await insertAccount(ctx.db, submittedAt);
  const id = crypto.randomUUID();
  await ctx.db
    .insertInto('filing_orders')
    .values({
      id,
      account_id: accountId,
      subject_id: null,
      type: extra.type ?? 'first_filing',
      state,
      verification_stage: 'after_provider_review',
      version: 3,
      province: extra.province ?? 'beijing',
      data_enc: ctx.cipher.encryptJson({ websites: [{ domain: `q-${id.slice(0, 8)}.cn` }] }),
      determination: JSON.stringify({}),
      target_website_ids: JSON.stringify([]),
      submission_count: 1,
      submitted_at: submittedAt,
      last_submitted_at: submittedAt,
      last_activity_at: updatedAt,
      created_at: submittedAt,
      updated_at: updatedAt,
    })
    .execute();
  return id;
}

describe('reviewer queue paged by keyset', () => {
  it('returns every queued order exactly once across pages, oldest submission first, ties broken by id', async () => {
    const base = Date.UTC(2030, 0, 1);
    const expected: { id: string; at: number }[] = [];
    for (let i = 0; i < 23; i++) {
      // Several orders share a submission time so the tie-breakers (updated_at, id) are exercised.
      const at = new Date(base + Math.floor(i / 4) * 60_000);
      const state: OrderState = i % 3 === 0 ? 'authenticity_under_review' : 'pending_provider_review';
      expected.push({ id: await insertQueuedOrder(state, at), at: at.getTime() });
    }
    // An order in another state never shows up in the default queue.
    await insertQueuedOrder('pending_sms_verification', new Date(base));

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listReviewQueue(ctx, ['pending_provider_review', 'authenticity_under_review'], {
        limit: 5,
        cursor,
      });
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 20);

    const ours = seen.filter((id) => expected.some((e) => e.id === id));
    expect(ours).toHaveLength(23);
    expect(new Set(ours).size).toBe(23);
    const order = [...expected].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)).map((e) => e.id);
    expect(ours).toEqual(order);
  });

  it('filters by province and filing type on the server, paging over the filtered set', async () => {
    const base = Date.UTC(2031, 0, 1);
    const wanted: string[] = [];
    for (let i = 0; i < 7; i++) {
      const at = new Date(base + i * 60_000);
      wanted.push(
        await insertQueuedOrder('pending_provider_review', at, at, {
          province: 'zhejiang',
          type: 'add_website_subject_here',
        }),
      );
      await insertQueuedOrder('pending_provider_review', at, at, { province: 'zhejiang' });
      await insertQueuedOrder('pending_provider_review', at, at, {
        province: 'hainan',
        type: 'add_website_subject_here',
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listReviewQueue(ctx, ['pending_provider_review'], {
        limit: 3,
        cursor,
        province: 'zhejiang',
        type: 'add_website_subject_here',
      });
      for (const o of page.items) {
        expect(o.province).toBe('zhejiang');
        expect(o.type).toBe('add_website_subject_here');
      }
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.filter((id) => wanted.includes(id))).toEqual(wanted);
  });

  it('refuses a forged cursor with a stable code', async () => {
    await expect(
      listReviewQueue(ctx, ['pending_provider_review'], { cursor: 'bm90LWEtY3Vyc29y' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe("an applicant's order list", () => {
  it('lists only the account’s own orders, newest first', async () => {
    const accountId = await insertAccount(ctx.db, new Date());
    const other = await insertQueuedOrder('pending_provider_review', new Date(Date.UTC(2031, 0, 1)));
    const id = crypto.randomUUID();
    await ctx.db
      .insertInto('filing_orders')
      .values({
        id,
        account_id: accountId,
        subject_id: null,
        type: 'first_filing',
        state: 'draft',
        verification_stage: 'after_provider_review',
        version: 1,
        province: null,
        data_enc: ctx.cipher.encryptJson({ websites: [] }),
        determination: JSON.stringify({}),
        target_website_ids: JSON.stringify([]),
        submission_count: 0,
        last_activity_at: new Date(),
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    const list = await listAccountOrders(ctx, accountId);
    expect(list.map((o) => o.id)).toEqual([id]);
    expect(list.some((o) => o.id === other)).toBe(false);
  });
});
