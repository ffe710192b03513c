import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RealNameAnswer } from '../../../contracts/real-name-protocol.ts';

/**
 * A stand-in for the provider's real-name registry, speaking the contract of
 * docs/integrations/real-name-registry.md over a real socket, for tests of the HTTP adapter and of the platform
 * wired to it. Accounts not set answer 404. `failWith` makes every call answer that status; `delayMs` holds
 * every answer back (to test timeouts). Test-only: it keeps personal data in memory.
 */
export type RealNameStandIn = {
  url: string;
  token: string;
  set(answer: RealNameAnswer): void;
  remove(accountId: string): void;
  failWith(status: number | null): void;
  delay(ms: number): void;
  /** Every request seen: path and whether its bearer token was right. */
  requests: Array<{ path: string; authorised: boolean }>;
  close(): Promise<void>;
};

export async function startRealNameStandIn(token = 'stand-in-real-name-token'): Promise<RealNameStandIn> {
  const answers = new Map<string, RealNameAnswer>();
  let failStatus: number | null = null;
  let delayMs = 0;
  const requests: RealNameStandIn['requests'] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    const authorised = req.headers.authorization === `Bearer ${token}`;
    requests.push({ path, authorised });
    const send = () => {
      if (res.destroyed) return;
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (!authorised) return json(401, { error: 'unauthorized' });
      if (failStatus !== null) return json(failStatus, { error: 'stand-in failure' });
      const match = /^\/accounts\/([^/]+)\/real-name$/.exec(path);
      if (req.method !== 'GET' || !match) return json(404, { error: 'not_found' });
      const answer = answers.get(decodeURIComponent(match[1]!));
      return answer ? json(200, answer) : json(404, { error: 'account_not_found' });
    };
    if (delayMs === 0) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    set: (answer) => void answers.set(answer.accountId, answer),
    remove: (accountId) => void answers.delete(accountId),
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
