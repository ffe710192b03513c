import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.ts';

/** Paths the browser app must never answer: the API and the simulator keep their own 404s. */
const NOT_THE_APP = /^\/(api|sim)(\/|$)/;

/**
 * dist/web of this checkout, wherever the server code runs from: src/ (tsx), dist/server (per-file build) or
 * dist/server/bundle (the bundled build): the nearest folder up with a package.json is the checkout.
 */
export function defaultWebRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return join(dir, 'dist', 'web');
}

/** Whether a built portal exists at this root (the server starts without one, answering only the API). */
export const hasWebBuild = (root: string): boolean => existsSync(join(root, 'index.html'));

/**
 * Serves the built browser app (dist/web) at `/`. Hashed assets are immutable; index.html is revalidated on
 * every load so a new build reaches users at once. Any other GET outside /api and /sim answers index.html so
 * deep links (`/orders/…`) work: the app's router decides what the path means.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders(reply, path) {
      reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (reply: import('fastify').FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html');
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (NOT_THE_APP.test(path)) throw new DomainError('NOT_FOUND');
    // A missing file with an extension (a stale asset, a typo) is a real 404, not the app.
    if (/\.[a-z0-9]{1,8}$/i.test(path)) throw new DomainError('NOT_FOUND');
    return sendIndex(reply);
  });
}
