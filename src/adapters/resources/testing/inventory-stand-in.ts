import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INVENTORY_BATCH_MAX, type InventoryResource } from '../../../contracts/inventory-protocol.ts';

/**
 * A stand-in for the provider's inventory API, speaking the contract of docs/integrations/resource-inventory.md
 * over a real socket, for tests of the HTTP adapter and of the platform wired to it. `failWith` makes every call
 * answer that status; `delay` holds every answer back (to test timeouts).
 */
export type InventoryStandIn = {
  url: string;
  token: string;
  put(resource: InventoryResource): void;
  /** Changes a stored resource (release, renew); throws on an unknown id. */
  update(id: string, change: Partial<Omit<InventoryResource, 'id'>>): void;
  remove(id: string): void;
  failWith(status: number | null): void;
  delay(ms: number): void;
  requests: Array<{ path: string; authorised: boolean }>;
  close(): Promise<void>;
};

export async function startInventoryStandIn(token = 'stand-in-inventory-token'): Promise<InventoryStandIn> {
  const resources = new Map<string, InventoryResource>();
  let failStatus: number | null = null;
  let delayMs = 0;
  const timers = new Set<NodeJS.Timeout>();
  const requests: InventoryStandIn['requests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const authorised = req.headers.authorization === `Bearer ${token}`;
    requests.push({ path: `${url.pathname}${url.search}`, authorised });
    const json = (status: number, body: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const answer = () => {
      if (!authorised) return json(401, { error: 'unauthorized' });
      if (failStatus !== null) return json(failStatus, { error: 'stand-in failure' });
      if (req.method !== 'GET') return json(405, { error: 'method_not_allowed' });
      const account = /^\/accounts\/([^/]+)\/resources$/.exec(url.pathname);
      if (account) {
        const id = decodeURIComponent(account[1]!);
        return json(200, { items: [...resources.values()].filter((r) => r.accountId === id) });
      }
      const one = /^\/resources\/([^/]+)$/.exec(url.pathname);
      if (one) {
        const r = resources.get(decodeURIComponent(one[1]!));
        return r ? json(200, r) : json(404, { error: 'resource_not_found' });
      }
      if (url.pathname === '/resources') {
        const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
        if (ids.length > INVENTORY_BATCH_MAX) return json(400, { error: 'too_many_ids' });
        return json(200, { items: ids.flatMap((id) => resources.get(id) ?? []) });
      }
      return json(404, { error: 'not_found' });
    };
    if (delayMs === 0) return answer();
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    put: (r) => void resources.set(r.id, { ...r }),
    update: (id, change) => {
      const r = resources.get(id);
      if (!r) throw new Error(`no resource ${id} in the inventory stand-in`);
      resources.set(id, { ...r, ...change });
    },
    remove: (id) => void resources.delete(id),
    failWith: (status) => {
      failStatus = status;
    },
    delay: (ms) => {
      delayMs = ms;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
