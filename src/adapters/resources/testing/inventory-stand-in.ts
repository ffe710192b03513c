import { INVENTORY_BATCH_MAX, type InventoryResource } from '../../../contracts/inventory-protocol.ts';
import { type JsonStandIn, startJsonStandIn } from '../../testing/json-stand-in.ts';

/**
 * A stand-in for the provider's inventory API, speaking the contract of docs/integrations/resource-inventory.md
 * over a real socket, for tests of the HTTP adapter and of the platform wired to it.
 */
export type InventoryStandIn = JsonStandIn & {
  put(resource: InventoryResource): void;
  /** Changes a stored resource (release, renew); throws on an unknown id. */
  update(id: string, change: Partial<Omit<InventoryResource, 'id'>>): void;
  remove(id: string): void;
};

export async function startInventoryStandIn(token = 'stand-in-inventory-token'): Promise<InventoryStandIn> {
  const resources = new Map<string, InventoryResource>();
  const ok = (body: unknown) => ({ status: 200, body });
  const base = await startJsonStandIn(token, (req, url) => {
    if (req.method !== 'GET') return { status: 405, body: { error: 'method_not_allowed' } };
    const account = /^\/accounts\/([^/]+)\/resources$/.exec(url.pathname);
    if (account) {
      const id = decodeURIComponent(account[1]!);
      return ok({ items: [...resources.values()].filter((r) => r.accountId === id) });
    }
    const one = /^\/resources\/([^/]+)$/.exec(url.pathname);
    if (one) {
      const r = resources.get(decodeURIComponent(one[1]!));
      return r ? ok(r) : { status: 404, body: { error: 'resource_not_found' } };
    }
    if (url.pathname === '/resources') {
      const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
      if (ids.length > INVENTORY_BATCH_MAX) return { status: 400, body: { error: 'too_many_ids' } };
      return ok({ items: ids.flatMap((id) => resources.get(id) ?? []) });
    }
    return { status: 404, body: { error: 'not_found' } };
  });
  return {
    ...base,
    put: (r) => void resources.set(r.id, { ...r }),
    update: (id, change) => {
      const r = resources.get(id);
      if (!r) throw new Error(`no resource ${id} in the inventory stand-in`);
      resources.set(id, { ...r, ...change });
    },
    remove: (id) => void resources.delete(id),
  };
}
