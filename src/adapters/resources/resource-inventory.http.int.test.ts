import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InventoryResource } from '../../contracts/inventory-protocol.ts';
import { DomainError } from '../../domain/errors.ts';
import { createHttpResourceInventory } from './resource-inventory.http.ts';
import { type InventoryStandIn, startInventoryStandIn } from './testing/inventory-stand-in.ts';

/** The inventory's HTTP adapter against the contract's stand-in, over a real socket. */
let standIn: InventoryStandIn;

const server = (id: string, over: Partial<InventoryResource> = {}): InventoryResource => ({
  id,
  accountId: 'acc-1',
  kind: 'server',
  name: `云主机 ${id}`,
  region: 'cn-north-1',
  publicIps: ['124.70.10.7'],
  billingType: 'prepaid',
  expiresAt: '2027-09-01T00:00:00.000Z',
  status: 'running',
  ...over,
});

beforeAll(async () => {
  standIn = await startInventoryStandIn();
});
afterAll(async () => standIn?.close());
beforeEach(() => {
  standIn.failWith(null);
  standIn.delay(0);
});

const inventory = (over: { token?: string; timeoutMs?: number } = {}) =>
  createHttpResourceInventory({
    baseUrl: standIn.url,
    token: over.token ?? standIn.token,
    timeoutMs: over.timeoutMs ?? 2000,
  });

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('RESOURCE_INVENTORY_UNAVAILABLE');
  return error as DomainError;
}

describe('resource inventory over HTTP', () => {
  it("lists an account's resources and reads one, released ones included; unknown is null", async () => {
    standIn.put(server('i-a1'));
    standIn.put(server('i-a2', { status: 'released' }));
    standIn.put(server('i-b1', { accountId: 'acc-2' }));
    const listed = await inventory().listForAccount('acc-1');
    expect(listed.map((r) => [r.id, r.status])).toEqual([
      ['i-a1', 'running'],
      ['i-a2', 'released'],
    ]);
    expect(listed[0]!.expiresAt).toEqual(new Date('2027-09-01T00:00:00.000Z'));
    expect((await inventory().get('i-b1'))?.accountId).toBe('acc-2');
    expect(await inventory().get('i-unknown')).toBeNull();
    expect(standIn.requests.every((r) => r.authorised)).toBe(true);
  });

  it('reads many at once in batches of 100, unknown ids left out', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `i-many-${i}`);
    for (const id of ids.slice(0, 140)) standIn.put(server(id));
    const before = standIn.requests.length;
    const found = await inventory().getMany([...ids, 'i-many-0']);
    expect(found).toHaveLength(140);
    expect(standIn.requests.length - before).toBe(2);
    expect(await inventory().getMany([])).toEqual([]);
  });

  it('a 5xx, a refused token, a timeout and an answer off the contract are RESOURCE_INVENTORY_UNAVAILABLE', async () => {
    standIn.put(server('i-err'));
    standIn.failWith(502);
    expect((await failure(inventory().get('i-err'))).details).toEqual({ status: 502 });
    expect((await failure(inventory().getMany(['i-err']))).details).toEqual({ status: 502 });
    standIn.failWith(null);
    expect((await failure(inventory({ token: 'wrong-token-000000' }).listForAccount('acc-1'))).details).toEqual({
      status: 401,
    });
    standIn.delay(3000);
    expect((await failure(inventory({ timeoutMs: 100 }).get('i-err'))).details).toEqual({ reason: 'timeout' });
    standIn.delay(0);
    standIn.put({ ...server('i-bad'), status: 'deleted' } as never);
    expect((await failure(inventory().get('i-bad'))).details).toEqual({ reason: 'invalid_answer' });
  });
});
