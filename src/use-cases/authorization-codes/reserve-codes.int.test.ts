import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainErrorOf } from '../../../test/support/domain-error.ts';
import { createTestContext } from '../../../test/support/test-context.ts';
import {
  createSeededResourceInventory,
  seedResourcesForAccount,
} from '../../adapters/resources/seeded-resource-inventory.ts';
import type { AppContext } from '../../app-context.ts';
import { codeExpiry } from '../../domain/authorization-code.ts';
import type { DomainError } from '../../domain/errors.ts';
import type { ManualClock } from '../../domain/ports/clock.ts';
import { applyForCode } from './apply-for-code.ts';
import { insertAccount } from './code-test-fixtures.ts';
import { disableCode } from './disable-code.ts';
import { consumeCodes, expireCode, releaseCodes, reserveCodes } from './reserve-codes.ts';

let ctx: AppContext;
let clock: ManualClock;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ ctx, clock, close } = await createTestContext());
});
afterAll(() => close());

const failure = domainErrorOf;

/** An account with `n` unused codes on its eligible server, and that server's IP. */
async function accountWithCodes(n: number) {
  const now = clock.now();
  const accountId = await insertAccount(ctx.db, now);
  const { eligibleServer } = await seedResourcesForAccount(ctx.db, accountId, now);
  const inventory = createSeededResourceInventory(ctx.db);
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    codes.push((await applyForCode(ctx.db, inventory, { accountId, resourceId: eligibleServer.id, now })).code);
  }
  return { accountId, ip: eligibleServer.publicIps[0]!, codes };
}

const stateOf = async (code: string) =>
  ctx.db
    .selectFrom('authorization_codes')
    .select(['state', 'order_id'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();

const reserve = (orderId: string, accountId: string, entries: Array<{ code: string; ip: string }>, now = clock.now()) =>
  reserveCodes(ctx.db, {
    orderId,
    accountId,
    codes: entries.map((e, websiteIndex) => ({ code: e.code, websiteIndex, ipAddresses: [e.ip] })),
    now,
  });

describe('reserveCodes', () => {
  it('binds unused codes to the order', async () => {
    const { accountId, ip, codes } = await accountWithCodes(2);
    const order = crypto.randomUUID();
    const result = await reserve(order, accountId, [
      { code: codes[0]!, ip },
      { code: codes[1]!.toLowerCase(), ip },
    ]);
    expect(result).toEqual({ reserved: codes, released: [] });
    expect(await stateOf(codes[0]!)).toEqual({ state: 'in_filing', order_id: order });
    expect(await stateOf(codes[1]!)).toEqual({ state: 'in_filing', order_id: order });
  });

  it('reports the website of an unknown code, a wrong IP, a duplicate and a foreign code', async () => {
    const { accountId, ip, codes } = await accountWithCodes(1);
    const other = await accountWithCodes(1);
    const order = crypto.randomUUID();

    const unknown = await failure(
      reserve(order, accountId, [
        { code: codes[0]!, ip },
        { code: 'ZZZZZZZZZZZZZZZZ', ip },
      ]),
    );
    expect(unknown.code).toBe('AUTH_CODE_NOT_FOUND');
    expect(unknown.details).toMatchObject({ websiteIndex: 1, field: 'websites.1.authorizationCode' });

    const wrongIp = await failure(
      reserveCodes(ctx.db, {
        orderId: order,
        accountId,
        codes: [{ code: codes[0]!, websiteIndex: 2, ipAddresses: ['192.0.2.250'] }],
        now: clock.now(),
      }),
    );
    expect(wrongIp.code).toBe('VALIDATION_FAILED');
    expect(wrongIp.details).toMatchObject({ field: 'websites.2.ipAddresses', publicIp: ip });

    const duplicate = await failure(
      reserve(order, accountId, [
        { code: codes[0]!, ip },
        { code: codes[0]!, ip },
      ]),
    );
    expect(duplicate.code).toBe('AUTH_CODE_IN_USE');
    expect(duplicate.details).toMatchObject({ websiteIndex: 1, sameAsWebsiteIndex: 0 });

    expect(await stateOf(codes[0]!)).toEqual({ state: 'unused', order_id: null });
    // A code handed over by another resource owner is accepted (one IP may serve up to 5 subjects).
    await reserve(order, accountId, [{ code: other.codes[0]!, ip: other.ip }]);
    expect(await stateOf(other.codes[0]!)).toEqual({ state: 'in_filing', order_id: order });
  });

  it('refuses a reused code: one used by an approved filing stays refused for every later order', async () => {
    const { accountId, ip, codes } = await accountWithCodes(1);
    const [code] = codes as [string];
    const approved = crypto.randomUUID();
    await reserve(approved, accountId, [{ code, ip }]);
    expect(await consumeCodes(ctx.db, { orderId: approved, now: clock.now() })).toEqual({ consumed: [code] });
    expect(await stateOf(code)).toEqual({ state: 'used', order_id: approved });

    const again = await failure(reserve(crypto.randomUUID(), accountId, [{ code, ip }]));
    expect(again.code).toBe('AUTH_CODE_IN_USE');
    const otherAccount = await insertAccount(ctx.db, clock.now());
    expect((await failure(reserve(crypto.randomUUID(), otherAccount, [{ code, ip }]))).code).toBe('AUTH_CODE_IN_USE');
    // Releasing the approved order later changes nothing.
    expect(await releaseCodes(ctx.db, { orderId: approved, now: clock.now() })).toEqual({
      released: [],
      invalidated: [],
    });
  });

  it('keeps a code held by order A from order B until A is abandoned', async () => {
    const { accountId, ip, codes } = await accountWithCodes(1);
    const [code] = codes as [string];
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    await reserve(a, accountId, [{ code, ip }]);
    expect((await failure(reserve(b, accountId, [{ code, ip }]))).code).toBe('AUTH_CODE_IN_USE');
    // A resubmits: holding the code again is fine.
    await reserve(a, accountId, [{ code, ip }]);

    expect(await releaseCodes(ctx.db, { orderId: a, now: clock.now() })).toEqual({ released: [code], invalidated: [] });
    expect(await stateOf(code)).toEqual({ state: 'unused', order_id: null });
    await reserve(b, accountId, [{ code, ip }]);
    expect(await stateOf(code)).toEqual({ state: 'in_filing', order_id: b });
  });

  it('releases a code the order no longer lists when it is resubmitted', async () => {
    const { accountId, ip, codes } = await accountWithCodes(2);
    const order = crypto.randomUUID();
    await reserve(order, accountId, [{ code: codes[0]!, ip }]);
    const result = await reserve(order, accountId, [{ code: codes[1]!, ip }]);
    expect(result).toEqual({ reserved: [codes[1]], released: [codes[0]] });
    expect((await stateOf(codes[0]!)).state).toBe('unused');
  });

  it('lets exactly one of two concurrent orders reserve the same code', async () => {
    const { accountId, ip, codes } = await accountWithCodes(1);
    const [code] = codes as [string];
    const orders = [crypto.randomUUID(), crypto.randomUUID()];
    const results = await Promise.allSettled(
      orders.map((orderId) =>
        ctx.db.transaction().execute((trx) =>
          reserveCodes(trx, {
            orderId,
            accountId,
            codes: [{ code, websiteIndex: 0, ipAddresses: [ip] }],
            now: clock.now(),
          }),
        ),
      ),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [orders[i]] : []));
    expect(won).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((lost.reason as DomainError).code).toBe('AUTH_CODE_IN_USE');
    expect(await stateOf(code)).toEqual({ state: 'in_filing', order_id: won[0] });
  });
});

describe('expiry (open question 19) and invalidation', () => {
  it('expires an unused code on its date and refuses it afterwards', async () => {
    const { accountId, ip, codes } = await accountWithCodes(1);
    const [code] = codes as [string];
    const expiry = codeExpiry(clock.now());
    const early = new Date(expiry.getTime() - 1);
    expect(await expireCode(ctx.db, code, early)).toEqual({ code, state: 'unused', changed: false });
    expect((await failure(reserve(crypto.randomUUID(), accountId, [{ code, ip }], expiry))).code).toBe(
      'AUTH_CODE_INVALID',
    );
    expect(await expireCode(ctx.db, code, expiry)).toEqual({ code, state: 'invalid', changed: true });
    expect((await failure(reserve(crypto.randomUUID(), accountId, [{ code, ip }], early))).code).toBe(
      'AUTH_CODE_INVALID',
    );
    expect(await expireCode(ctx.db, 'NOSUCHCODE', expiry)).toBeNull();
  });

  it('keeps an in-filing code valid past its date, and invalidates it when that filing is abandoned', async () => {
    const { accountId, ip, codes } = await accountWithCodes(2);
    const [kept, dropped] = codes as [string, string];
    const expiry = codeExpiry(clock.now());
    const approvedOrder = crypto.randomUUID();
    const abandonedOrder = crypto.randomUUID();
    await reserve(approvedOrder, accountId, [{ code: kept, ip }]);
    await reserve(abandonedOrder, accountId, [{ code: dropped, ip }]);

    expect(await expireCode(ctx.db, kept, expiry)).toEqual({ code: kept, state: 'in_filing', changed: false });
    // Resubmission after the date keeps the code for the same filing.
    await reserve(approvedOrder, accountId, [{ code: kept, ip }], expiry);
    expect(await consumeCodes(ctx.db, { orderId: approvedOrder, now: expiry })).toEqual({ consumed: [kept] });

    expect(await releaseCodes(ctx.db, { orderId: abandonedOrder, now: expiry })).toEqual({
      released: [],
      invalidated: [dropped],
    });
    expect(await stateOf(dropped)).toEqual({ state: 'invalid', order_id: null });
  });

  it('lets the provider disable unused and in-filing codes, but never a used one', async () => {
    const { accountId, ip, codes } = await accountWithCodes(3);
    const [unused, held, used] = codes as [string, string, string];
    const admin = { id: await insertAccount(ctx.db, clock.now(), 'admin'), role: 'admin' };
    const now = clock.now();
    const holder = crypto.randomUUID();
    await reserve(holder, accountId, [{ code: held, ip }]);
    const spent = crypto.randomUUID();
    await reserve(spent, accountId, [{ code: used, ip }]);
    await consumeCodes(ctx.db, { orderId: spent, now });

    expect(await disableCode(ctx.db, { code: unused, actor: admin, now })).toMatchObject({
      previousState: 'unused',
      state: 'invalid',
    });
    expect(await disableCode(ctx.db, { code: unused, actor: admin, now })).toMatchObject({ previousState: 'invalid' });
    expect(await disableCode(ctx.db, { code: held, actor: admin, reason: 'abuse', now })).toEqual({
      code: held,
      previousState: 'in_filing',
      state: 'invalid',
      orderId: holder,
    });
    // The holding order is approved anyway: a disabled code is not revived as used.
    expect(await consumeCodes(ctx.db, { orderId: holder, now })).toEqual({ consumed: [] });
    expect((await failure(reserve(holder, accountId, [{ code: held, ip }]))).code).toBe('AUTH_CODE_INVALID');

    expect((await failure(disableCode(ctx.db, { code: used, actor: admin, now }))).code).toBe('AUTH_CODE_IN_USE');
    expect((await failure(disableCode(ctx.db, { code: 'NOSUCHCODE', actor: admin, now }))).code).toBe('NOT_FOUND');

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'order_id', 'from_state', 'to_state', 'reason'])
      .where('actor_id', '=', admin.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'authorization_code.invalidated',
        order_id: null,
        from_state: 'unused',
        to_state: 'invalid',
        reason: null,
      },
      {
        action: 'authorization_code.invalidated',
        order_id: holder,
        from_state: 'in_filing',
        to_state: 'invalid',
        reason: 'abuse',
      },
    ]);
  });
});
