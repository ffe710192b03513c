import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RoundRobinProxy = {
  url: string;
  /** Requests handed to each upstream so far, in upstream order (tests check that both instances served). */
  served: number[];
  setUpstreams: (urls: string[]) => void;
  close: () => Promise<void>;
};

/**
 * A deliberately plain load balancer for development and tests: each request goes to the next upstream in turn,
 * with no stickiness, so consecutive requests of one browser land on different instances. It keeps the Host
 * header (the platform's same-origin check compares it with Origin) and adds X-Forwarded-For. Production puts
 * the provider's own balancer (nginx, a cloud SLB) here instead.
 */
export async function startRoundRobinProxy(options: {
  port?: number;
  host?: string;
  upstreams?: string[];
}): Promise<RoundRobinProxy> {
  let upstreams = (options.upstreams ?? []).map((u) => new URL(u));
  let served: number[] = upstreams.map(() => 0);
  let next = 0;

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    if (upstreams.length === 0) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('no instance is ready yet');
      return;
    }
    const index = next++ % upstreams.length;
    const target = upstreams[index]!;
    served[index]! += 1;
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = httpRequest(
      {
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': forwardedFor },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (res.headersSent) res.destroy(error);
      else res.writeHead(502, { 'content-type': 'text/plain' }).end(`upstream ${target.host}: ${error.message}`);
    });
    req.pipe(upstream);
  };

  const server = createServer(forward);
  // Long polls and uploads pass through; the platform's own timeouts apply.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    get served() {
      return served;
    },
    setUpstreams(urls) {
      upstreams = urls.map((u) => new URL(u));
      served = upstreams.map(() => 0);
      next = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
