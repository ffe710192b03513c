import type { z } from 'zod';
import {
  INVENTORY_BATCH_MAX,
  InventoryListSchema,
  type InventoryResource,
  InventoryResourceSchema,
  inventoryPaths,
} from '../../contracts/inventory-protocol.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Resource, ResourceInventory } from '../../domain/ports/resource-inventory.ts';

export type HttpInventoryOptions = {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  fetch?: typeof fetch;
};

const toResource = (r: InventoryResource): Resource => ({ ...r, expiresAt: new Date(r.expiresAt) });

/**
 * The provider's inventory over HTTP (RESOURCE_INVENTORY=http; contract in docs/integrations/resource-inventory.md).
 * 404 on a single resource is "not known"; a timeout, a refused token, a 5xx or an answer off the contract is
 * RESOURCE_INVENTORY_UNAVAILABLE (502): the applicant retries, and the access sweep leaves the website's check
 * due so the next pass asks again.
 */
export function createHttpResourceInventory(options: HttpInventoryOptions): ResourceInventory {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const unavailable = (message: string, details: Record<string, unknown>) =>
    new DomainError('RESOURCE_INVENTORY_UNAVAILABLE', { message, details });

  async function call<S extends z.ZodType>(schema: S, path: string, onNotFound?: () => z.infer<S>) {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw unavailable(
        timedOut ? `inventory did not answer within ${options.timeoutMs} ms` : 'inventory unreachable',
        { reason: timedOut ? 'timeout' : 'unreachable' },
      );
    }
    if (res.status === 404 && onNotFound) {
      await res.body?.cancel();
      return onNotFound();
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw unavailable(`inventory answered ${res.status}`, { status: res.status });
    }
    try {
      const parsed = schema.safeParse(await res.json());
      if (parsed.success) return parsed.data as z.infer<S>;
    } catch {
      // Not JSON: reported below like any other answer off the contract.
    }
    throw unavailable('inventory answer does not match the contract', { reason: 'invalid_answer' });
  }

  return {
    async listForAccount(accountId) {
      const { items } = await call(InventoryListSchema, inventoryPaths.account(accountId));
      // The account's own resources only, whatever the inventory sends.
      return items.filter((r) => r.accountId === accountId).map(toResource);
    },
    async get(resourceId) {
      const r = await call(InventoryResourceSchema.nullable(), inventoryPaths.resource(resourceId), () => null);
      return r && r.id === resourceId ? toResource(r) : null;
    },
    async getMany(resourceIds) {
      const ids = [...new Set(resourceIds)];
      const out: Resource[] = [];
      for (let i = 0; i < ids.length; i += INVENTORY_BATCH_MAX) {
        const batch = ids.slice(i, i + INVENTORY_BATCH_MAX);
        const wanted = new Set(batch);
        const { items } = await call(InventoryListSchema, inventoryPaths.batch(batch));
        out.push(...items.filter((r) => wanted.has(r.id)).map(toResource));
      }
      return out;
    },
  };
}
