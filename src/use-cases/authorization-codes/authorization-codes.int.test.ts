import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainErrorOf } from '../../../test/support/domain-error.ts';
import { createTestContext } from '../../../test/support/test-context.ts';
import {
  addResource,
  createSeededResourceInventory,
  type SeededResources,
  seedResourcesForAccount,
} from '../../adapters/resources/seeded-resource-inventory.ts';
import type { AppContext } from '../../app-context.ts';
import { addMonthsUtc, CODE_PATTERN, codeExpiry } from '../../domain/authorization-code.ts';
import type { DomainError } from '../../domain/errors.ts';
import type { ManualClock } from '../../domain/ports/clock.ts';
import type { ResourceInventory } from '../../domain/ports/resource-inventory.ts';
import { applyForCode, CODE_EXPIRY_DEADLINE } from './apply-for-code.ts';
import { insertAccount, randomTestIp } from './code-test-fixtures.ts';
import { listCodes } from './list-codes.ts';

let ctx: AppContext;
let clock: ManualClock;
let close: () => Promise<void>;
let inventory: ResourceInventory;

beforeAll(async () => {
  ({ ctx, clock, close } = await createTestContext());
  inventory = createSeededResourceInventory(ctx.db);
});
afterAll(() => close());

const failure = domainErrorOf;

async function applicantWithResources(): Promise<{ accountId: string; res: SeededResources }> {
  const accountId = await insertAccount(ctx.db, clock.now());
  return { accountId, res: await seedResourcesForAccount(ctx.db, accountId, clock.now()) };
}

describe('applyForCode', () => {
  it('issues one unused 16-character code valid one year, with its expiry timer', async () => {
    const { accountId, res } = await applicantWithResources();
    const now = clock.now();
    const code = await applyForCode(ctx.db, inventory, { accountId, resourceId: res.eligibleServer.id, now });
    expect(code.code).toMatch(CODE_PATTERN);
    expect(code).toMatchObject({ state: 'unused', publicIp: res.eligibleServer.publicIps[0], orderId: null });
    expect(code.expiresAt.toISOString()).toBe(codeExpiry(now).toISOString());
    const deadline = await ctx.db
      .selectFrom('deadlines')
      .selectAll()
      .where('kind', '=', CODE_EXPIRY_DEADLINE)
      .where('ref_id', '=', code.code)
      .executeTakeFirstOrThrow();
    expect(new Date(deadline.due_at).toISOString()).toBe(code.expiresAt.toISOString());
    expect(deadline.fired_at).toBeNull();
    const listed = await listCodes(ctx, accountId, now);
    expect(listed.map((c) => c.code)).toEqual([code.code]);
  });

  it('refuses a prepaid server with 2 months left, pay-as-you-go and a server without public IP', async () => {
    const { accountId, res } = await applicantWithResources();
    const now = clock.now();
    const cases = [
      [res.expiringServer.id, 'expires_within_3_months'],
      [res.payAsYouGoServer.id, 'pay_as_you_go'],
      [res.serverWithoutIp.id, 'no_public_ip'],
    ] as const;
    for (const [resourceId, reason] of cases) {
      const e = await failure(applyForCode(ctx.db, inventory, { accountId, resourceId, now }));
      expect(e.code).toBe('AUTH_CODE_NOT_ELIGIBLE');
      expect(e.details).toMatchObject({ reason });
    }
    expect(await listCodes(ctx, accountId, now)).toEqual([]);
  });

  it("treats another account's resource and an unknown resource as not found", async () => {
    const a = await applicantWithResources();
    const b = await applicantWithResources();
    const now = clock.now();
    const foreign = applyForCode(ctx.db, inventory, {
      accountId: b.accountId,
      resourceId: a.res.eligibleServer.id,
      now,
    });
    expect((await failure(foreign)).code).toBe('NOT_FOUND');
    const unknown = applyForCode(ctx.db, inventory, { accountId: a.accountId, resourceId: 'i-missing', now });
    expect((await failure(unknown)).code).toBe('NOT_FOUND');
  });

  it('accepts an explicit bound IP and refuses one the resource does not hold', async () => {
    const { accountId, res } = await applicantWithResources();
    const now = clock.now();
    const ok = await applyForCode(ctx.db, inventory, {
      accountId,
      resourceId: res.siteBuilder.id,
      publicIp: res.siteBuilder.publicIps[0]!,
      now,
    });
    expect(ok.publicIp).toBe(res.siteBuilder.publicIps[0]);
    const wrong = applyForCode(ctx.db, inventory, {
      accountId,
      resourceId: res.siteBuilder.id,
      publicIp: res.eligibleServer.publicIps[0]!,
      now,
    });
    expect((await failure(wrong)).code).toBe('VALIDATION_FAILED');
  });

  it('allows 5 codes per public IP counted across all accounts', async () => {
    const now = clock.now();
    const ip = randomTestIp();
    const a = await insertAccount(ctx.db, now);
    const b = await insertAccount(ctx.db, now);
    // The IP served account A before and is bound to account B's server now.
    const base = { kind: 'server', region: 'cn-north-1', billingType: 'prepaid', createdAt: now } as const;
    const ra = await addResource(ctx.db, {
      ...base,
      publicIps: [ip],
      accountId: a,
      name: 'old',
      expiresAt: addMonthsUtc(now, 6),
    });
    const rb = await addResource(ctx.db, {
      ...base,
      publicIps: [ip],
      accountId: b,
      name: 'new',
      expiresAt: addMonthsUtc(now, 12),
    });
    for (let i = 0; i < 3; i++) await applyForCode(ctx.db, inventory, { accountId: a, resourceId: ra.id, now });
    for (let i = 0; i < 2; i++) await applyForCode(ctx.db, inventory, { accountId: b, resourceId: rb.id, now });
    const sixth = await failure(applyForCode(ctx.db, inventory, { accountId: b, resourceId: rb.id, now }));
    expect(sixth.code).toBe('AUTH_CODE_LIMIT_REACHED');
    expect(sixth.details).toMatchObject({ publicIp: ip, limit: 5, active: 5 });

    // An invalid code frees its slot.
    const [first] = await listCodes(ctx, a, now);
    await ctx.db.updateTable('authorization_codes').set({ state: 'invalid' }).where('code', '=', first!.code).execute();
    await applyForCode(ctx.db, inventory, { accountId: b, resourceId: rb.id, now });
    expect((await failure(applyForCode(ctx.db, inventory, { accountId: b, resourceId: rb.id, now }))).code).toBe(
      'AUTH_CODE_LIMIT_REACHED',
    );
  });

  it('lets exactly 5 of 7 concurrent applications for one IP through', async () => {
    const now = clock.now();
    const accountId = await insertAccount(ctx.db, now);
    const r = await addResource(ctx.db, {
      accountId,
      kind: 'server',
      name: 'busy',
      region: 'cn-east-2',
      publicIps: [randomTestIp()],
      billingType: 'prepaid',
      expiresAt: addMonthsUtc(now, 12),
      createdAt: now,
    });
    const results = await Promise.allSettled(
      Array.from({ length: 7 }, () => applyForCode(ctx.db, inventory, { accountId, resourceId: r.id, now })),
    );
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(5);
    for (const x of results.filter((x) => x.status === 'rejected')) {
      expect((x.reason as DomainError).code).toBe('AUTH_CODE_LIMIT_REACHED');
    }
  });

  it('does not count an unused code past its date against the limit', async () => {
    const now = clock.now();
    const accountId = await insertAccount(ctx.db, now);
    const r = await addResource(ctx.db, {
      accountId,
      kind: 'server',
      name: 'aging',
      region: 'cn-south-1',
      publicIps: [randomTestIp()],
      billingType: 'prepaid',
      expiresAt: addMonthsUtc(now, 30),
      createdAt: now,
    });
    for (let i = 0; i < 5; i++) await applyForCode(ctx.db, inventory, { accountId, resourceId: r.id, now });
    const later = codeExpiry(now);
    const fresh = await applyForCode(ctx.db, inventory, { accountId, resourceId: r.id, now: later });
    expect(fresh.state).toBe('unused');
    const shown = await listCodes(ctx, accountId, later);
    expect(shown.filter((c) => c.state === 'invalid')).toHaveLength(5);
    expect(shown.filter((c) => c.storedState === 'unused')).toHaveLength(6);
  });
});
