import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a stand-in's route answers: a status and a JSON body. */
export type JsonAnswer = { status: number; body: unknown };

/**
 * The part every stand-in for a provider's JSON API shares: a real socket on loopback, a bearer token checked on
 * every request (401 otherwise), `failWith` to make every call answer one status, `delay` to hold answers back
 * (timeouts), and the list of requests seen. Each stand-in supplies only its routes.
 */
export type JsonStandIn = {
  url: string;
  token: string;
  failWith(status: number | null): void;
  delay(ms: number): void;
  /** Every request seen: path with query, and whether its bearer token was right. */
  requests: Array<{ path: string; authorised: boolean }>;
  close(): Promise<void>;
};

export async function startJsonStandIn(
  token: string,
  route: (req: IncomingMessage, url: URL) => JsonAnswer,
): Promise<JsonStandIn> {
  let failStatus: number | null = null;
  let delayMs = 0;
  const timers = new Set<NodeJS.Timeout>();
  const requests: JsonStandIn['requests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const authorised = req.headers.authorization === `Bearer ${token}`;
    requests.push({ path: `${url.pathname}${url.search}`, authorised });
    const answer = () => {
      if (res.destroyed) return;
      const { status, body } = !authorised
        ? { status: 401, body: { error: 'unauthorized' } }
        : failStatus !== null
          ? { status: failStatus, body: { error: 'stand-in failure' } }
          : route(req, url);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
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
