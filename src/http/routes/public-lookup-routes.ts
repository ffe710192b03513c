import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { LookupQuerySchema, LookupResponseSchema, type PublicRecordSchema } from '../../contracts/lookup-api.ts';
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
  // The cache holds the serialised answer: a hit is one string written to the socket, with no per-request
  // mapping, schema check or JSON serialisation (which cost more than the rest of a cached lookup).
  const cache = createLookupCache<string>({
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
        response: { 200: LookupResponseSchema },
      },
    },
    async (request, reply) => {
      const { domain, number, subject } = request.query;
      const query = { domain, number, subjectName: subject };
      // Keyed on the normalised query (an invalid one throws here, before anything is cached), so spellings
      // of one name share an entry and raw variants cannot push real answers out of the bounded cache.
      const key = lookupCacheKey(query);
      const body = await cache.get(key, async () =>
        // Checked against the strict contract once, when cached, so nothing outside it can be served.
        JSON.stringify(
          LookupResponseSchema.parse({ items: (await lookupPublicRecords(ctx, query)).map(toPublicRecord) }),
        ),
      );
      reply.header('Cache-Control', 'public, max-age=60').type('application/json; charset=utf-8');
      // A string with a JSON content type is sent as is (Fastify skips the serializer for it).
      return reply.send(body as never);
    },
  );
};
