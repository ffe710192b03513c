import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/adapters/db/audit-log.ts';
import { openDatabase } from '../src/adapters/db/connect.ts';
import { compose } from '../src/compose.ts';
import { loadConfig } from '../src/config.ts';
import type { OrderView } from '../src/contracts/order-api.ts';
import { createManualClock } from '../src/domain/ports/clock.ts';
import { buildApp } from '../src/http/app.ts';
import { publicSimulatorRoutes } from '../src/http/plugins/public-simulator.ts';
import { runWorkerOnce } from '../src/worker/worker.ts';
import { individualSubject, person, uniqueDomain, website } from './support/filing-data.ts';
import { loginAs, relogin } from './support/http.ts';
import { api, completeAndSubmit, newApplicant, passProviderStages } from './support/journey.ts';
import type { TestPlatform } from './support/platform.ts';

/**
 * REL-5: deadlines are rows, so a platform that is stopped while a deadline passes fires it after it starts
 * again. The database is file-backed PGlite (or a PostgreSQL database when DATABASE_URL is set) that outlives
 * the first process's composition.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'beian-durable-'));
const key = randomBytes(32).toString('base64');
const clock = createManualClock();
let pgDatabase: { url: string; drop: () => Promise<void> } | undefined;

async function storage() {
  if (!process.env.DATABASE_URL) return { pgliteDir: join(dataDir, 'pglite') };
  if (!pgDatabase) {
    const name = `beian_durable_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    pgDatabase = {
      url: url.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  return { databaseUrl: pgDatabase.url };
}

/** One "process": a composition over the lasting storage, with the platform routes and the simulator. */
async function boot(): Promise<TestPlatform> {
  const where = await storage();
  const db = await openDatabase(where);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PI_ENCRYPTION_KEY: key,
    PUBLIC_LOOKUP_CACHE_SECONDS: '0',
    REGULATOR: 'in_process',
    // Staff sign in with the password alone here; the second factor has its own tests.
    STAFF_TOTP_REQUIRED: 'false',
    ...('databaseUrl' in where && { DATABASE_URL: where.databaseUrl }),
  });
  const composition = await compose(config, { clock, db });
  const regulator = composition.inProcess!;
  const app = await buildApp({
    ctx: composition.ctx,
    extraPlugins: [{ plugin: publicSimulatorRoutes, prefix: '/sim', options: { sim: regulator.sim } }],
  });
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await runWorkerOnce(composition.ctx, { beforeTick: async () => void (await regulator.sim.tick()) });
    }
  };
  return {
    app,
    ctx: composition.ctx,
    clock,
    regulator,
    settle,
    close: async () => {
      await app.close();
      await composition.close();
    },
  };
}

afterAll(async () => {
  await pgDatabase?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('REL-5 deadlines survive a restart', () => {
  it('an SMS window and an idle draft that expire while the platform is down fire after it starts again', async () => {
    const first = await boot();
    const reviewer = await loginAs(first.app, first.ctx, 'reviewer');
    const a = await newApplicant(first);
    const domain = uniqueDomain();
    const order = await api<OrderView>(
      first,
      a,
      'POST',
      '/api/v1/applicant/orders',
      { kind: 'new', domain, subjectAlreadyFiled: false },
      201,
    );
    const rp = person();
    const { code, ip } = await a.code();
    await completeAndSubmit(first, a, order.id, {
      subject: individualSubject(rp),
      websites: [website(domain, code, ip, rp)],
    });
    expect((await passProviderStages(first, a, reviewer, order.id)).state).toBe('pending_sms_verification');
    const b = await newApplicant(first);
    const draft = await api<OrderView>(
      first,
      b,
      'POST',
      '/api/v1/applicant/orders',
      { kind: 'new', domain: uniqueDomain(), subjectAlreadyFiled: false },
      201,
    );
    await first.close();

    // Down for a day: the SMS window passes with nobody running.
    clock.advance(24 * 3600_000 + 60_000);
    const second = await boot();
    await second.settle();
    const a2 = await relogin(second.app, second.ctx, a);
    const returned = await api<OrderView>(second, a2, 'GET', `/api/v1/applicant/orders/${order.id}`);
    expect(returned.state).toBe('returned_by_miit');
    const stillDraft = await api<OrderView>(
      second,
      await relogin(second.app, second.ctx, b),
      'GET',
      `/api/v1/applicant/orders/${draft.id}`,
    );
    expect(stillDraft.state).toBe('draft');
    await second.close();

    // Down again past the 45-day idle limit.
    clock.advance(45 * 24 * 3600_000);
    const third = await boot();
    await third.settle();
    const b3 = await relogin(third.app, third.ctx, b);
    expect((await api<OrderView>(third, b3, 'GET', `/api/v1/applicant/orders/${draft.id}`)).state).toBe('abandoned');
    // The deadline fired exactly once and left nothing pending; the audit chain is intact across all three processes.
    const pending = await third.ctx.db
      .selectFrom('deadlines')
      .selectAll()
      .where('ref_id', '=', draft.id)
      .where('fired_at', 'is', null)
      .execute();
    expect(pending).toEqual([]);
    await third.settle();
    const expiries = await third.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('order_id', '=', draft.id)
      .where('action', '=', 'order.draft_expired')
      .execute();
    expect(expiries).toHaveLength(1);
    expect(await verifyAuditChain(third.ctx.db)).toBeNull();
    await third.close();
  });
});
