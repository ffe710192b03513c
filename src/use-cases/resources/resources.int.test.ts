import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainErrorOf } from '../../../test/support/domain-error.ts';
import { createTestContext } from '../../../test/support/test-context.ts';
import {
  createSeededResourceInventory,
  seedResourcesForAccount,
} from '../../adapters/resources/seeded-resource-inventory.ts';
import type { AppContext } from '../../app-context.ts';
import { addMonthsUtc } from '../../domain/authorization-code.ts';
import type { ManualClock } from '../../domain/ports/clock.ts';
import { applyForCode } from '../authorization-codes/apply-for-code.ts';
import { insertAccount, randomTestIp } from '../authorization-codes/code-test-fixtures.ts';
import { listResourcesForAccount } from './list-resources.ts';
import { registerResource } from './register-resource.ts';

let ctx: AppContext;
let clock: ManualClock;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ ctx, clock, close } = await createTestContext());
});
afterAll(() => close());

const failure = domainErrorOf;

describe('seeded inventory', () => {
  it('seeds one resource per eligibility case, with IPs unique across accounts', async () => {
    const now = clock.now();
    const inventory = createSeededResourceInventory(ctx.db);
    const a = await insertAccount(ctx.db, now);
    const b = await insertAccount(ctx.db, now);
    const seededA = await seedResourcesForAccount(ctx.db, a, now);
    const seededB = await seedResourcesForAccount(ctx.db, b, now);
    const listed = await inventory.listForAccount(a);
    expect(listed).toEqual(seededA.all);
    expect(await inventory.get(seededA.eligibleServer.id)).toEqual(seededA.eligibleServer);
    expect(await inventory.get('i-nope')).toBeNull();
    const ips = [...seededA.all, ...seededB.all].flatMap((r) => r.publicIps);
    expect(new Set(ips).size).toBe(ips.length);
    expect(ips).toHaveLength(8);
  });

  it('lists resources with eligibility, reasons and per-IP quotas', async () => {
    const now = clock.now();
    const inventory = createSeededResourceInventory(ctx.db);
    const accountId = await insertAccount(ctx.db, now);
    const seeded = await seedResourcesForAccount(ctx.db, accountId, now);
    await applyForCode(ctx.db, inventory, { accountId, resourceId: seeded.eligibleServer.id, now });
    const views = await listResourcesForAccount(ctx.db, inventory, accountId, now);
    expect(views.map((v) => [v.id, v.eligible, v.ineligibleReason])).toEqual([
      [seeded.eligibleServer.id, true, null],
      [seeded.expiringServer.id, false, 'expires_within_3_months'],
      [seeded.payAsYouGoServer.id, false, 'pay_as_you_go'],
      [seeded.serverWithoutIp.id, false, 'no_public_ip'],
      [seeded.siteBuilder.id, true, null],
    ]);
    expect(views[0]!.ipQuotas).toEqual([
      { publicIp: seeded.eligibleServer.publicIps[0], activeCodes: 1, remaining: 4 },
    ]);
    expect(views[1]!.ineligibleReasonText).toContain('3个月');
    expect(views[3]!.ipQuotas).toEqual([]);
  });
});

describe('registerResource', () => {
  it('adds a resource to an applicant account, audited', async () => {
    const now = clock.now();
    const accountId = await insertAccount(ctx.db, now);
    const admin = { id: await insertAccount(ctx.db, now, 'admin'), role: 'admin' };
    const ip = randomTestIp();
    const created = await registerResource(ctx.db, {
      resource: {
        accountId,
        kind: 'server',
        name: '云主机 shop',
        region: 'cn-east-2',
        publicIps: [ip, ip],
        billingType: 'prepaid',
        expiresAt: addMonthsUtc(now, 12),
      },
      actor: admin,
      now,
    });
    expect(created.id).toMatch(/^i-/);
    expect(created.publicIps).toEqual([ip]);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('actor_id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('resource.registered');
    expect(audit.details).toMatchObject({ resourceId: created.id, accountId });
  });

  it('refuses an IP held by a live resource, a duplicate id and a non-applicant account', async () => {
    const now = clock.now();
    const accountId = await insertAccount(ctx.db, now);
    const reviewer = await insertAccount(ctx.db, now, 'reviewer');
    const admin = { id: await insertAccount(ctx.db, now, 'admin'), role: 'admin' };
    const seeded = await seedResourcesForAccount(ctx.db, accountId, now);
    const base = {
      accountId,
      kind: 'server' as const,
      name: 'x',
      region: 'cn-north-1',
      billingType: 'prepaid' as const,
      expiresAt: addMonthsUtc(now, 12),
    };
    const held = registerResource(ctx.db, {
      resource: { ...base, publicIps: [seeded.eligibleServer.publicIps[0]!] },
      actor: admin,
      now,
    });
    expect((await failure(held)).code).toBe('VALIDATION_FAILED');
    // Once the holder has expired the IP may be bound again.
    const later = addMonthsUtc(now, 3);
    const rebound = await registerResource(ctx.db, {
      resource: { ...base, publicIps: [seeded.expiringServer.publicIps[0]!] },
      actor: admin,
      now: later,
    });
    expect(rebound.publicIps).toEqual(seeded.expiringServer.publicIps);
    const dupId = registerResource(ctx.db, {
      resource: { ...base, id: seeded.eligibleServer.id, publicIps: [] },
      actor: admin,
      now,
    });
    expect((await failure(dupId)).code).toBe('VALIDATION_FAILED');
    const staff = registerResource(ctx.db, {
      resource: { ...base, accountId: reviewer, publicIps: [] },
      actor: admin,
      now,
    });
    expect((await failure(staff)).code).toBe('NOT_FOUND');
  });
});
