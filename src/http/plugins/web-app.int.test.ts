import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/support/test-context.ts';
import type { AppContext } from '../../app-context.ts';
import { buildApp } from '../app.ts';

/** Issue 7 item 1: the portal at `/`, deep links answered by the app, and the API never shadowed. */
let ctx: AppContext;
let close: () => Promise<void>;
let app: FastifyInstance;
const webRoot = mkdtempSync(join(tmpdir(), 'beian-web-'));
beforeAll(async () => {
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>portal</title>');
  writeFileSync(join(webRoot, 'assets', 'app-1234.js'), 'console.log(1)');
  ({ ctx, close } = await createTestContext());
  app = await buildApp({ ctx, webRoot });
});
afterAll(async () => {
  await app.close();
  await close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('web app serving', () => {
  it('serves index.html at / and at any deep link, revalidated on every load', async () => {
    for (const url of ['/', '/orders/123/edit', '/records?tab=history']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('portal');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('serves hashed assets as immutable', async () => {
    const res = await app.inject({ url: '/assets/app-1234.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('never answers the API, the simulator or a missing file with the app', async () => {
    for (const url of ['/api/v1/nope', '/api/v1/applicant/nothing-here', '/sim/x', '/assets/missing-9.js']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    const me = await app.inject({ url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(401);
  });

  it('starts without a build, answering only the API', async () => {
    const bare = await buildApp({ ctx, webRoot: join(webRoot, 'absent') });
    try {
      expect((await bare.inject({ url: '/' })).statusCode).toBe(404);
      expect((await bare.inject({ url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await bare.close();
    }
  });
});
