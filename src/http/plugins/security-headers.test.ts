import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders, securityHeaders } from './security-headers.ts';

describe('security headers', () => {
  it("are helmet's own, computed once from the options", () => {
    const headers = securityHeaders({
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } },
      hsts: false,
      referrerPolicy: { policy: 'no-referrer' },
    });
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(securityHeaders({ hsts: { maxAge: 31536000 } })['strict-transport-security']).toContain('max-age=31536000');
  });

  it('refuses an invalid option at start-up rather than on a request', () => {
    expect(() =>
      securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ['self'] } } }),
    ).toThrow();
  });

  it('reach every reply, errors included', async () => {
    const app = Fastify();
    registerSecurityHeaders(app, { referrerPolicy: { policy: 'no-referrer' } });
    app.get('/ok', async () => ({ ok: true }));
    const ok = await app.inject({ url: '/ok' });
    const missing = await app.inject({ url: '/missing' });
    for (const res of [ok, missing]) {
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['content-security-policy']).toBeDefined();
    }
    await app.close();
  });
});
