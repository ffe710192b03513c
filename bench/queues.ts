import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createPiCipher } from '../src/adapters/crypto/pi-cipher.ts';
import { openDatabase } from '../src/adapters/db/connect.ts';
import { migrateToLatest } from '../src/adapters/db/migrate.ts';
import { queueNameIndex } from '../src/adapters/db/order-search-terms.ts';
import type { Database } from '../src/adapters/db/schema.ts';
import type { AppContext } from '../src/app-context.ts';
import { PROVINCE_CODES } from '../src/domain/province/provinces.ts';
import { countQueues, listQueue } from '../src/use-cases/orders/review-queues.ts';

/**
 * `npm run bench:queues`: the back-office queues at 100,000 orders. Orders are bulk-inserted in SQL (not the
 * HTTP API) into a fresh PGlite (and, with DATABASE_URL, a fresh PostgreSQL database too); each case runs the
 * real use case, and its latency is reported as a ratio to a primary-key lookup measured in the same run. Each
 * case's SQL is EXPLAINed first: the plan names the indexes used, and a sequential scan on filing_orders or
 * order_domains fails the run, except for the counts: counting half of the table may rightly read all of it.
 */
const ORDERS = Number(process.env.BENCH_QUEUE_ORDERS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_QUEUE_ITERATIONS ?? 200);
const NOW = new Date('2026-11-03T04:00:00Z');
const SEARCHED_NAME = '王小明';

type Captured = { sql: string; parameters: readonly unknown[] };
type CaseResult = { name: string; p50Ms: number; p99Ms: number; ratioP50: number; plan: string[] };
type RunResult = { database: string; version: string; seedSeconds: number; cases: CaseResult[] };

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const round = (n: number) => Math.round(n * 100) / 100;

async function seed(db: Kysely<Database>, cipher: ReturnType<typeof createPiCipher>) {
  const data = cipher.encryptJson({
    subject: { subjectType: 'enterprise', sponsorName: '某某科技有限公司' },
    websites: [{ domain: 'bench.cn' }],
  });
  const provinces = `ARRAY[${PROVINCE_CODES.map((p) => `'${p}'`).join(',')}]`;
  const reviewer = crypto.randomUUID();
  await sql`INSERT INTO users (id, email, password_hash, role, display_name, real_name_verified, disabled, created_at)
    VALUES (${reviewer}, 'bench-reviewer@example.test', 'x', 'reviewer', 'Bench reviewer', true, false, now())`.execute(
    db,
  );
  await sql`INSERT INTO users (id, email, password_hash, role, display_name, real_name_verified, disabled, created_at)
    SELECT md5('u' || i)::uuid, 'a' || i || '@example.test', 'x', 'applicant', 'applicant ' || i, true, false, now()
    FROM generate_series(1, ${ORDERS}) AS i`.execute(db);
  // State mix: half wait for 初审, a tenth each for the authenticity review, SMS, returned, 管局, and approved.
  await sql`INSERT INTO filing_orders (id, account_id, subject_id, type, state, verification_stage, version, province,
      data_enc, determination, target_website_ids, submission_count, submitted_at, last_submitted_at,
      last_activity_at, created_at, updated_at, sla_due_at, claimed_by, claim_expires_at, subject_name_bidx,
      search_indexed)
    SELECT md5('o' || i)::uuid, md5('u' || i)::uuid, NULL,
      CASE WHEN i % 7 = 0 THEN 'add_website_subject_here' ELSE 'first_filing' END,
      s.state, 'after_provider_review', 3, (${sql.raw(provinces)})[1 + i % ${PROVINCE_CODES.length}],
      ${data}, '{}'::jsonb, '[]'::jsonb, 1, at, at, at, at, at,
      CASE WHEN s.state IN ('pending_provider_review', 'authenticity_under_review') THEN at + interval '1 day' END,
      CASE WHEN i % 5 = 0 THEN ${reviewer}::uuid END,
      CASE WHEN i % 5 = 0 THEN ${NOW}::timestamptz + interval '20 minutes' END,
      md5('n' || i), true
    FROM generate_series(1, ${ORDERS}) AS i,
      LATERAL (SELECT ${NOW}::timestamptz - (i * interval '37 seconds') AS at) t,
      LATERAL (SELECT (ARRAY['pending_provider_review','pending_provider_review','pending_provider_review',
        'pending_provider_review','pending_provider_review','authenticity_under_review','pending_sms_verification',
        'returned_by_miit','pending_admin_review','approved'])[1 + i % 10] AS state) s`.execute(db);
  await sql`INSERT INTO order_domains (order_id, domain)
    SELECT md5('o' || i)::uuid, 'site' || i || '.example.cn' FROM generate_series(1, ${ORDERS}) AS i`.execute(db);
  // One order the name search must find (i = 10: a 初审 order).
  await sql`UPDATE filing_orders SET subject_name_bidx = ${queueNameIndex(cipher, SEARCHED_NAME)}
    WHERE id = md5('o10')::uuid`.execute(db);
  await sql`VACUUM ANALYZE`.execute(db);
  return reviewer;
}

async function runOn(label: string, pool: pg.Pool): Promise<RunResult> {
  let capture: Captured[] | undefined;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (e.level === 'query' && capture) capture.push({ sql: e.query.sql, parameters: e.query.parameters });
    },
  });
  await migrateToLatest(db);
  const cipher = createPiCipher({ masterKey: randomBytes(32) });
  const ctx = { db, cipher, clock: { now: () => NOW } } as unknown as AppContext;
  const started = performance.now();
  const reviewerId = await seed(db, cipher);
  const seedSeconds = round((performance.now() - started) / 1000);
  const version = (await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0]!.v.split(' on ')[0]!;
  const viewer = { id: reviewerId };

  // A cursor about 20,000 rows into the 初审 queue (of 50,000), taken by reading pages as a client would.
  let deepCursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    deepCursor = (await listQueue(ctx, viewer, { tab: 'provider_review', limit: 200, cursor: deepCursor })).nextCursor!;
  }
  const someId = (
    await db
      .selectFrom('filing_orders')
      .select('id')
      .where('id', '=', sql<string>`md5('o777')::uuid`)
      .executeTakeFirstOrThrow()
  ).id;

  const cases: { name: string; run: () => Promise<unknown>; mayScan?: boolean }[] = [
    {
      name: 'baseline: one order by primary key',
      run: () => db.selectFrom('filing_orders').selectAll().where('id', '=', someId).executeTakeFirst(),
    },
    { name: '初审 queue, first page (50)', run: () => listQueue(ctx, viewer, { tab: 'provider_review', limit: 50 }) },
    {
      name: '初审 queue, deep keyset page (after 20,000)',
      run: () => listQueue(ctx, viewer, { tab: 'provider_review', limit: 50, cursor: deepCursor }),
    },
    {
      name: '初审 queue filtered (province + type + overdue)',
      run: () =>
        listQueue(ctx, viewer, {
          tab: 'provider_review',
          limit: 50,
          province: 'guangdong',
          type: 'first_filing',
          sla: 'overdue',
        }),
    },
    {
      name: '初审 queue filtered (assignee me + age ≥ 2 working days)',
      run: () => listQueue(ctx, viewer, { tab: 'provider_review', limit: 50, assignee: 'me', minAgeWorkingDays: 2 }),
    },
    {
      name: 'returned tab, first page (two states merged)',
      run: () => listQueue(ctx, viewer, { tab: 'returned', limit: 50 }),
    },
    { name: 'search by domain prefix', run: () => listQueue(ctx, viewer, { tab: 'provider_review', q: 'site1234' }) },
    {
      name: 'search by order number (8 characters)',
      run: () => listQueue(ctx, viewer, { tab: 'provider_review', q: someId.slice(0, 8) }),
    },
    {
      name: 'search by exact sponsor name',
      run: () => listQueue(ctx, viewer, { tab: 'provider_review', q: SEARCHED_NAME }),
    },
    { name: 'counts of all five tabs', run: () => countQueues(ctx, viewer, {}), mayScan: true },
    {
      name: 'counts of all five tabs, province filter',
      run: () => countQueues(ctx, viewer, { province: 'guangdong' }),
      mayScan: true,
    },
  ];

  // Sanity: the searches find what they must.
  const byName = await listQueue(ctx, viewer, { tab: 'provider_review', q: SEARCHED_NAME });
  if (byName.items.length !== 1) throw new Error(`name search found ${byName.items.length} orders, expected 1`);

  const results: CaseResult[] = [];
  let baseline = 0;
  for (const c of cases) {
    capture = [];
    await c.run();
    const queries = capture;
    capture = undefined;
    const plan: string[] = [];
    for (const q of queries) {
      const { rows } = await pool.query(`EXPLAIN ${q.sql}`, q.parameters as unknown[]);
      for (const r of rows as { 'QUERY PLAN': string }[]) {
        const line = r['QUERY PLAN'];
        const m = /(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)(?: using (\S+))?(?: on (\S+))?/.exec(line);
        if (!m) continue;
        if (!c.mayScan && m[1] === 'Seq Scan' && ['filing_orders', 'order_domains'].includes(m[3] ?? m[2] ?? '')) {
          throw new Error(
            `${c.name}: sequential scan\n${(rows as { 'QUERY PLAN': string }[]).map((x) => x['QUERY PLAN']).join('\n')}`,
          );
        }
        const entry = m[1] === 'Seq Scan' ? `Seq Scan on ${m[3] ?? m[2]}` : `${m[1]} (${m[2] ?? m[3]})`;
        if (!plan.includes(entry)) plan.push(entry);
      }
    }
    for (let i = 0; i < 10; i++) await c.run(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const t0 = performance.now();
      await c.run();
      times.push(performance.now() - t0);
    }
    const p50 = percentile(times, 50);
    if (!baseline) baseline = p50;
    results.push({
      name: c.name,
      p50Ms: round(p50),
      p99Ms: round(percentile(times, 99)),
      ratioP50: round(p50 / baseline),
      plan,
    });
    console.log(`${label}: ${c.name}: p50 ${round(p50)} ms, p99 ${round(percentile(times, 99))} ms`);
  }
  await db.destroy().catch(() => undefined);
  return { database: label, version, seedSeconds, cases: results };
}

const runs: RunResult[] = [];
{
  const handle = await openDatabase({ pgliteDir: 'memory://' });
  runs.push(await runOn('pglite', handle.pool));
  await handle.close().catch(() => undefined);
}
if (process.env.DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const name = `beian_queues_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  try {
    runs.push(await runOn('postgres', pool));
  } finally {
    await pool.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
}

const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const at = new Date().toISOString();
writeFileSync(
  join(dir, 'queues-latest.json'),
  `${JSON.stringify({ at, orders: ORDERS, iterations: ITERATIONS, runs }, null, 2)}\n`,
);
const md = [
  `# Back-office queue benchmark (${at})`,
  '',
  `${ORDERS} orders bulk-inserted in SQL (half waiting for 初审), ${ITERATIONS} timed runs per case after a warm-up, through the real use cases (decryption of each row included). Ratios are p50 against the primary-key lookup of the same run. Command: \`npm run bench:queues\` (with DATABASE_URL, PostgreSQL too).`,
  '',
  ...runs.flatMap((r) => [
    `## ${r.database} (${r.version}; seeding took ${r.seedSeconds} s)`,
    '',
    '| case | p50 (ms) | p99 (ms) | p50 / baseline | plan |',
    '| --- | ---: | ---: | ---: | --- |',
    ...r.cases.map((c) => `| ${c.name} | ${c.p50Ms} | ${c.p99Ms} | ${c.ratioP50} | ${c.plan.join('; ')} |`),
    '',
  ]),
].join('\n');
writeFileSync(join(dir, 'queues-latest.md'), md);
console.log(md);
