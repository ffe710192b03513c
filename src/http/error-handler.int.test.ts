import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/support/test-context.ts';
import type { AppContext } from '../app-context.ts';
import { installErrorHandler } from './error-handler.ts';

let ctx: AppContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
});
afterAll(() => close());

describe('error handler, last line for text the database refuses', () => {
  it('answers 400 VALIDATION_FAILED, not 500, when PostgreSQL refuses U+0000 (22021)', async () => {
    const app = Fastify();
    installErrorHandler(app);
    // A route whose schema forgot the safe string: the NUL reaches the database.
    app.get('/echo', async (request) => {
      const { q } = request.query as { q: string };
      return (await sql<{ v: string }>`select ${q}::text as v`.execute(ctx.db)).rows;
    });
    const response = await app.inject({ method: 'GET', url: '/echo?q=a%00b' });
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(response.statusCode).toBe(400);
    await app.close();
  });
});
