import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.ts';

/** Paths the browser app must never answer: the API and the simulator keep their own 404s. */
const NOT_THE_APP = /^\/(api|sim)(\/|$)/;

/** dist/web of this checkout, whether the server runs from dist/server (compiled) or src/ (tsx). */
export function defaultWebRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url)); // …/src/http/plugins or …/dist/server/http/plugins
  const root = join(here, '..', '..', '..');
  return existsSync(join(root, 'package.json')) ? join(root, 'dist', 'web') : join(root, 'web');
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
