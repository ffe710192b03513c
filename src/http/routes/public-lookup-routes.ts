import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { safeString } from '../../contracts/safe-string.ts';
import { createLookupCache } from '../../use-cases/lookup/lookup-cache.ts';
import {
  lookupCacheKey,
  lookupPublicRecords,
  type PublicRecord,
} from '../../use-cases/lookup/lookup-public-records.ts';

/**
 * Anonymous lookup of filings made here (domain.md §8.7, §9). It is the one unauthenticated read of filing data,
 * so it carries its own per-IP rate limit (registered inside this plugin only, leaving other routes untouched)
 * and a short public cache lifetime: records change at most a few times a year.
 */

export const PublicRecordSchema = z
  .object({
    subject: z
      .object({
        name: z.string(),
        type: z.string(),
        typeLabel: z.string(),
        number: z.string(),
        province: z.string(),
        provinceName: z.string(),
        approvedAt: z.iso.datetime(),
      })
      .strict(),
    websites: z.array(
      z.object({ name: z.string(), domain: z.string(), number: z.string(), approvedAt: z.iso.datetime() }).strict(),
    ),
  })
  .strict();

const LookupQuerySchema = z
  .object({
    domain: safeString().max(300).optional(),
    number: safeString().max(40).optional(),
    subject: safeString().max(100).optional(),
  })
  .strict();

const toPublicRecord = (r: PublicRecord): z.output<typeof PublicRecordSchema> => ({
  subject: { ...r.subject, approvedAt: r.subject.approvedAt.toISOString() },
  websites: r.websites.map((w) => ({ ...w, approvedAt: w.approvedAt.toISOString() })),
});

export type PublicLookupRoutesOptions = {
  ctx: AppContext;
  /** Requests per IP and window; tests lower it to see the 429. */
  rateLimit?: { max: number; timeWindow: number | string };
  /** Seconds an answer may be served from memory; 0 always asks the database. */
  cacheSeconds?: number;
};

export const publicLookupRoutes: FastifyPluginAsyncZod<PublicLookupRoutesOptions> = async (app, opts) => {
  const { ctx } = opts;
  const cache = createLookupCache<PublicRecord[]>({
    ttlMs: (opts.cacheSeconds ?? 0) * 1000,
    maxEntries: 5000,
    clock: ctx.clock,
  });
  await app.register(rateLimit, {
    max: opts.rateLimit?.max ?? 120,
    timeWindow: opts.rateLimit?.timeWindow ?? '1 minute',
  });

  app.get(
    '/lookup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['lookup'],
        summary: 'Look up filings by domain, filing number (subject or website) or sponsor name; exactly one',
        querystring: LookupQuerySchema,
        response: { 200: z.object({ items: z.array(PublicRecordSchema) }).strict() },
      },
    },
    async (request, reply) => {
      const { domain, number, subject } = request.query;
      const query = { domain, number, subjectName: subject };
      // Keyed on the normalised query (an invalid one throws here, before anything is cached), so spellings
      // of one name share an entry and raw variants cannot push real answers out of the bounded cache.
      const key = lookupCacheKey(query);
      const records = await cache.get(key, () => lookupPublicRecords(ctx, query));
      reply.header('Cache-Control', 'public, max-age=60');
      return { items: records.map(toPublicRecord) };
    },
  );
};
