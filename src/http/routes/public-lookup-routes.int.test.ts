import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectJson, loginAs } from '../../../test/support/http.ts';
import { createTestContext } from '../../../test/support/test-context.ts';
import type { AppContext } from '../../app-context.ts';
import { PI_MARKERS, seedPublicRecord } from '../../use-cases/lookup/lookup-test-fixtures.ts';
import { buildApp } from '../app.ts';
import { publicLookupRoutes } from './public-lookup-routes.ts';

const BASE = '/api/v1/public';
/** A second mount with a tiny limit, so the 429 is reachable without 120 requests. */
const LIMITED = '/api/v1/public-rate-limit-test';

async function buildAppWithLookup(ctx: AppContext): Promise<FastifyInstance> {
  const limited = {
    plugin: publicLookupRoutes,
    prefix: LIMITED,
    options: { ctx, rateLimit: { max: 3, timeWindow: 60_000 } },
  };
  try {
    return await buildApp({
      ctx,
      extraPlugins: [{ plugin: publicLookupRoutes, prefix: BASE, options: { ctx } }, limited],
    });
  } catch (e) {
    // Once app.ts mounts the lookup itself, only the test-limited copy is added.
    if ((e as { code?: string }).code === 'FST_ERR_DUPLICATED_ROUTE') return buildApp({ ctx, extraPlugins: [limited] });
    throw e;
  }
}

let ctx: AppContext;
let close: () => Promise<void>;
let app: FastifyInstance;
const tag = crypto.randomUUID().slice(0, 8);
let seeded: Awaited<ReturnType<typeof seedPublicRecord>>;

beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  app = await buildAppWithLookup(ctx);
  seeded = await seedPublicRecord(ctx, ctx.clock.now(), {
    name: `公开${tag}科技有限公司`,
    sites: [{ domain: `open-${tag}.cn`, name: '公开网站' }],
  });
});
afterAll(async () => {
  await app.close();
  await close();
});

const get = (query: string, cookie?: string) =>
  injectJson(app, { method: 'GET', url: `${BASE}/lookup?${query}`, ...(cookie ? { cookie } : {}) });

describe('public lookup route', () => {
  it('answers anonymous callers with public fields only, cacheable for a minute', async () => {
    const res = await get(`domain=${encodeURIComponent(`www.open-${tag}.cn`)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.json()).toEqual({
      items: [
        {
          subject: {
            name: `公开${tag}科技有限公司`,
            type: 'enterprise',
            typeLabel: '企业',
            number: seeded.number,
            province: 'beijing',
            provinceName: '北京',
            approvedAt: ctx.clock.now().toISOString(),
          },
          websites: [
            {
              name: '公开网站',
              domain: `open-${tag}.cn`,
              number: seeded.websiteNumbers[0],
              approvedAt: ctx.clock.now().toISOString(),
            },
          ],
        },
      ],
    });
    for (const marker of [...PI_MARKERS, seeded.accountId, seeded.subjectId]) expect(res.body).not.toContain(marker);
  });

  it('finds by number and by subject name, for signed-in users too', async () => {
    const { cookie } = await loginAs(app, ctx, 'applicant');
    const byNumber = await get(`number=${encodeURIComponent(seeded.websiteNumbers[0]!)}`, cookie);
    expect(byNumber.json().items[0].subject.number).toBe(seeded.number);
    const byName = await get(`subject=${encodeURIComponent(`公开${tag}`)}`);
    expect(byName.json().items.map((r: { subject: { name: string } }) => r.subject.name)).toEqual([
      `公开${tag}科技有限公司`,
    ]);
    expect((await get(`domain=nothing-${tag}.cn`)).json()).toEqual({ items: [] });
  });

  it('finds an individual by the full name only, masked everywhere in the answer (issue 6)', async () => {
    const fullName = `陈${tag}红`;
    const person = await seedPublicRecord(ctx, ctx.clock.now(), {
      name: fullName,
      type: 'individual',
      sites: [{ domain: `chen-${tag}.cn`, name: `${fullName}的博客` }],
    });
    const res = await get(`subject=${encodeURIComponent(fullName)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ name: person.publicName, type: 'individual' }),
        websites: [expect.objectContaining({ name: `${person.publicName}的博客` })],
      }),
    ]);
    expect(res.body).not.toContain(fullName);
    expect((await get(`subject=${encodeURIComponent(person.publicName)}`)).json()).toEqual({ items: [] });
  });

  it('serves spellings of one query from one cache entry', async () => {
    const cachedApp = await buildApp({
      ctx,
      extraPlugins: [{ plugin: publicLookupRoutes, prefix: '/cached', options: { ctx, cacheSeconds: 60 } }],
    });
    try {
      const name = `缓存${tag}有限公司`;
      await seedPublicRecord(ctx, ctx.clock.now(), { name, sites: [] });
      const ask = async (q: string) =>
        (await injectJson(cachedApp, { method: 'GET', url: `/cached/lookup?subject=${encodeURIComponent(q)}` })).json();
      expect((await ask(name)).items).toHaveLength(1);
      // A second unit under the same name arrives; the cached answer still holds for every spelling of it.
      await seedPublicRecord(ctx, ctx.clock.now(), { name, sites: [] });
      const fullWidth = name.replace(/[0-9a-f]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      expect((await ask(`  ${fullWidth} `)).items).toHaveLength(1);
      expect((await ask(name)).items).toHaveLength(1);
    } finally {
      await cachedApp.close();
    }
  });

  it('needs exactly one known criterion', async () => {
    for (const query of ['', 'domain=a.cn&number=x', 'subject=%E5%BC%A0', 'name=foo', 'domain=localhost']) {
      const res = await get(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      // An error is never stored publicly (every API answer without its own header is no-store).
      expect(res.headers['cache-control']).not.toMatch(/public/);
    }
  });

  it('rate-limits per IP with its own limiter', async () => {
    const url = `${LIMITED}/lookup?domain=open-${tag}.cn`;
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await injectJson(app, { method: 'GET', url })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const limited = await injectJson(app, { method: 'GET', url });
    expect(limited.json().code).toBe('RATE_LIMITED');
    // Other routes are not behind the lookup limiter.
    expect((await injectJson(app, { method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
