import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/support/test-context.ts';
import type { AppContext } from '../../app-context.ts';
import { insertAccount } from '../../use-cases/authorization-codes/code-test-fixtures.ts';
import { readOrderViewParts } from './order-view-parts.ts';

let ctx: AppContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
});
afterAll(() => close());

describe('the order view parts in one round trip', () => {
  it('lists rejections oldest first and active materials only, with ISO timestamps', async () => {
    const t0 = new Date('2031-05-01T08:00:00.123Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const accountId = await insertAccount(ctx.db, t0);
    const orderId = crypto.randomUUID();
    await ctx.db
      .insertInto('filing_orders')
      .values({
        id: orderId,
        account_id: accountId,
        subject_id: null,
        type: 'first_filing',
        state: 'provider_rejected',
        verification_stage: 'after_provider_review',
        version: 4,
        province: 'beijing',
        data_enc: ctx.cipher.encryptJson({ websites: [] }),
        determination: JSON.stringify({}),
        target_website_ids: JSON.stringify([]),
        submission_count: 1,
        last_activity_at: t0,
        created_at: t0,
        updated_at: t0,
      })
      .execute();
    const reasons = [{ field: 'subject.sponsorName', code: 'NAME_MISMATCH', message: '名称与证件不一致' }];
    await ctx.db
      .insertInto('order_rejections')
      .values([
        {
          id: crypto.randomUUID(),
          order_id: orderId,
          stage: 'provider',
          reasons: JSON.stringify(reasons),
          actor_id: null,
          at: at(20),
        },
        {
          id: crypto.randomUUID(),
          order_id: orderId,
          stage: 'provider',
          reasons: JSON.stringify([]),
          actor_id: null,
          at: at(10),
        },
      ])
      .execute();
    const material = (kind: string, minutes: number, status: 'active' | 'superseded', websiteIndex: number | null) => ({
      id: crypto.randomUUID(),
      order_id: orderId,
      account_id: accountId,
      kind,
      website_index: websiteIndex,
      storage_key: `k/${crypto.randomUUID()}`,
      content_type: 'image/jpeg',
      byte_size: 1234,
      sha256: 'x'.repeat(64),
      width: 10,
      height: 10,
      valid_until: kind === 'personal_id' ? '2035-01-01' : null,
      status,
      created_at: at(minutes),
    });
    await ctx.db
      .insertInto('materials')
      .values([
        material('curtain_photo', 5, 'active', 0),
        material('personal_id', 1, 'active', null),
        material('personal_id', 0, 'superseded', null),
      ])
      .execute();

    const parts = await readOrderViewParts(ctx.db, orderId);
    expect(parts.rejections.map((r) => r.at.toISOString())).toEqual([at(10).toISOString(), at(20).toISOString()]);
    expect(parts.rejections[1]!.reasons).toEqual(reasons);
    expect(parts.materials).toEqual([
      expect.objectContaining({
        kind: 'personal_id',
        websiteIndex: null,
        validUntil: '2035-01-01',
        byteSize: 1234,
        createdAt: at(1).toISOString(),
      }),
      expect.objectContaining({
        kind: 'curtain_photo',
        websiteIndex: 0,
        validUntil: null,
        createdAt: at(5).toISOString(),
      }),
    ]);
    expect(await readOrderViewParts(ctx.db, crypto.randomUUID())).toEqual({ rejections: [], materials: [] });
  });
});
