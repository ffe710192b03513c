import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createPiCipher } from '../src/adapters/crypto/pi-cipher.ts';
import { migrateToLatest } from '../src/adapters/db/migrate.ts';
import type { Database } from '../src/adapters/db/schema.ts';
import type { AppContext } from '../src/app-context.ts';
import { lookupPublicRecords } from '../src/use-cases/lookup/lookup-public-records.ts';
import { listAccountOrders, listReviewQueue } from '../src/use-cases/orders/list-orders.ts';
import {
  bulkLoad,
  individualName,
  type LoadedSize,
  PROVINCE_PREFIXES,
  subjectName,
  uuidOf,
} from './scale/bulk-load.ts';

/**
 * `npm run bench:scale` (PostgreSQL only): loads 10 k filed websites, measures every query case, grows the same
 * database to 1 M websites (500 k subjects, 200 k orders in mixed states), measures again, and reports the
 * p99 ratio 1 M / 10 k per case. Before measuring, each case's SQL — captured from the real use case — is
 * EXPLAINed; a sequential scan on a large table fails the run. Queries are uncached (the use cases, not the
 * HTTP cache). DATABASE_URL names the server; the benchmark creates and drops its own database.
 */
const SMALL = Number(process.env.SCALE_SMALL ?? 10_000);
const LARGE = Number(process.env.SCALE_LARGE ?? 1_000_000);
const ITERATIONS = Number(process.env.SCALE_ITERATIONS ?? 400);
const LARGE_TABLES = new Set(['users', 'subjects', 'websites', 'filing_orders']);

type Captured = { sql: string; parameters: readonly unknown[] };
type QueryCase = { name: string; run: (size: LoadedSize) => Promise<unknown> };
type CaseResult = { name: string; p50Ms: number; p99Ms: number; scans: string[] };

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('bench:scale needs DATABASE_URL (a PostgreSQL server; a fresh database is created on it)');
  process.exit(2);
}

const dbName = `beian_scale_${Date.now()}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(serverUrl);
url.pathname = `/${dbName}`;
const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });

let capture: Captured[] | undefined;
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (event) => {
    if (event.level === 'query' && capture) capture.push({ sql: event.query.sql, parameters: event.query.parameters });
  },
});
const cipher = createPiCipher({ masterKey: randomBytes(32) });
// The list use cases read only the database and the cipher.
const ctx = { db, cipher } as unknown as AppContext;

const pick = (size: LoadedSize) => randomInt(0, size.websites);
const cases: QueryCase[] = [
  {
    name: 'public lookup by domain',
    run: (s) => lookupPublicRecords({ db, cipher }, { domain: `site${pick(s)}.cn` }),
  },
  {
    name: 'public lookup by website number',
    run: (s) => {
      const w = pick(s);
      const subject = Math.floor(w / 2);
      return lookupPublicRecords(
        { db, cipher },
        {
          number: `${PROVINCE_PREFIXES[subject % PROVINCE_PREFIXES.length]}ICP备${String(subject).padStart(10, '0')}号-${(w % 2) + 1}`,
        },
      );
    },
  },
  {
    name: 'public lookup by subject number',
    run: (s) => {
      const subject = Math.floor(pick(s) / 2);
      return lookupPublicRecords(
        { db, cipher },
        {
          number: `${PROVINCE_PREFIXES[subject % PROVINCE_PREFIXES.length]}ICP备${String(subject).padStart(10, '0')}号`,
        },
      );
    },
  },
  {
    name: 'public lookup by unit name',
    run: async (s) => {
      // Subjects with i % 3 !== 0 are units (see bulk-load.ts).
      let i = Math.floor(pick(s) / 2);
      if (i % 3 === 0) i = i + 1 < s.subjects ? i + 1 : i - 1;
      return lookupPublicRecords({ db, cipher }, { subjectName: subjectName(i) });
    },
  },
  {
    name: "public lookup by an individual's full name",
    run: (s) =>
      lookupPublicRecords(
        { db, cipher },
        { subjectName: individualName(3 * randomInt(0, Math.floor(s.subjects / 3))) },
      ),
  },
  {
    name: 'reviewer queue, first page',
    run: () => listReviewQueue(ctx, ['pending_provider_review', 'authenticity_under_review'], { limit: 50 }),
  },
  {
    name: 'reviewer queue, deep page',
    run: async () => {
      const deep = await deepCursor();
      return listReviewQueue(ctx, ['pending_provider_review', 'authenticity_under_review'], {
        limit: 50,
        cursor: deep,
      });
    },
  },
  {
    name: "applicant's order list",
    run: (s) => listAccountOrders(ctx, accountId(randomInt(0, s.orders))),
  },
];

/** A cursor pointing into the middle of the pending_provider_review queue (computed once per size). */
let deepCursorCache: { forOrders: number; cursor: string } | undefined;
let currentSize: LoadedSize = { websites: 0, subjects: 0, orders: 0 };
async function deepCursor(): Promise<string> {
  if (deepCursorCache?.forOrders === currentSize.orders) return deepCursorCache.cursor;
  const { rows } = await pool.query(
    `SELECT id, last_submitted_at, updated_at FROM filing_orders WHERE state = 'pending_provider_review'
     ORDER BY last_submitted_at, updated_at, id OFFSET (SELECT count(*) / 2 FROM filing_orders
     WHERE state = 'pending_provider_review') LIMIT 1`,
  );
  const row = rows[0];
  const cursor = Buffer.from(
    JSON.stringify({ s: row.last_submitted_at.toISOString(), u: row.updated_at.toISOString(), id: row.id }),
  ).toString('base64url');
  deepCursorCache = { forOrders: currentSize.orders, cursor };
  return cursor;
}

const accountId = (i: number) => uuidOf('u', i);

/** Every plan node that reads a table, as "Index Scan on websites (websites_one_active_per_domain)". */
function scansOf(plan: any, out: string[] = []): string[] {
  if (plan['Relation Name']) {
    out.push(`${plan['Node Type']} on ${plan['Relation Name']}${plan['Index Name'] ? ` (${plan['Index Name']})` : ''}`);
  } else if (plan['Index Name']) {
    out.push(`${plan['Node Type']} (${plan['Index Name']})`);
  }
  for (const child of plan.Plans ?? []) scansOf(child, out);
  return out;
}

async function explain(c: QueryCase, size: LoadedSize): Promise<string[]> {
  capture = [];
  await c.run(size);
  const captured = capture;
  capture = undefined;
  const scans: string[] = [];
  for (const q of captured) {
    const { rows } = await pool.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.parameters as unknown[]);
    const found = scansOf(rows[0]['QUERY PLAN'][0].Plan);
    for (const s of found) {
      const table = s.split(' on ')[1]?.split(' ')[0] ?? '';
      if (s.startsWith('Seq Scan') && LARGE_TABLES.has(table)) {
        throw new Error(`${c.name}: sequential scan on ${table}\n${q.sql}`);
      }
    }
    scans.push(...found);
  }
  return [...new Set(scans)];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function measure(size: LoadedSize): Promise<CaseResult[]> {
  currentSize = size;
  const results: CaseResult[] = [];
  for (const c of cases) {
    const scans = await explain(c, size);
    for (let i = 0; i < 20; i++) await c.run(size); // warm the buffer cache and the plan cache
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const t = performance.now();
      await c.run(size);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const r = { name: c.name, p50Ms: round(percentile(times, 0.5)), p99Ms: round(percentile(times, 0.99)), scans };
    console.log(`  ${r.name}: p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms — ${scans.join('; ')}`);
    results.push(r);
  }
  return results;
}

const round = (n: number) => Math.round(n * 100) / 100;

try {
  await migrateToLatest(db);
  const started = performance.now();
  console.log(`== loading ${SMALL} websites`);
  const small = await bulkLoad(pool, cipher, { websites: 0, subjects: 0, orders: 0 }, SMALL);
  console.log(`== measuring at ${small.websites} websites, ${small.orders} orders`);
  const atSmall = await measure(small);
  console.log(`== growing to ${LARGE} websites`);
  const loadStart = performance.now();
  const large = await bulkLoad(pool, cipher, small, LARGE);
  const loadSeconds = Math.round((performance.now() - loadStart) / 1000);
  console.log(`   loaded in ${loadSeconds} s`);
  console.log(`== measuring at ${large.websites} websites, ${large.orders} orders`);
  const atLarge = await measure(large);

  const rows = atLarge.map((l, i) => {
    const s = atSmall[i]!;
    return { ...l, smallP50Ms: s.p50Ms, smallP99Ms: s.p99Ms, p99Ratio: round(l.p99Ms / s.p99Ms) };
  });
  const worst = Math.max(...rows.map((r) => r.p99Ratio));
  const result = {
    measuredAt: new Date().toISOString(),
    postgres: (await pool.query('SHOW server_version')).rows[0].server_version as string,
    sizes: { small, large },
    iterations: ITERATIONS,
    loadSeconds,
    totalSeconds: Math.round((performance.now() - started) / 1000),
    target: 'p99 at 1 M within 2x of the same at 10 k; every query an index scan',
    worstP99Ratio: worst,
    cases: rows,
  };
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'scale-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(dir, 'scale-latest.md'), markdown(result));
  console.log(markdown(result));
  if (worst > 2) {
    console.error(`p99 ratio ${worst} exceeds 2`);
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}

function markdown(r: {
  measuredAt: string;
  postgres: string;
  sizes: { small: LoadedSize; large: LoadedSize };
  loadSeconds: number;
  totalSeconds: number;
  iterations: number;
  worstP99Ratio: number;
  cases: (CaseResult & { smallP50Ms: number; smallP99Ms: number; p99Ratio: number })[];
}): string {
  const { small, large } = r.sizes;
  return [
    `# Scale benchmark (${r.measuredAt}, PostgreSQL ${r.postgres})`,
    '',
    `Small: ${small.websites} websites / ${small.subjects} subjects / ${small.orders} orders. ` +
      `Large: ${large.websites} / ${large.subjects} / ${large.orders}. ${r.iterations} uncached queries per case; ` +
      `growing took ${r.loadSeconds} s, the whole run ${r.totalSeconds} s. Worst p99 ratio: ${r.worstP99Ratio}.`,
    '',
    '| case | p50 small (ms) | p99 small (ms) | p50 large (ms) | p99 large (ms) | p99 large/small | plan |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...r.cases.map(
      (c) =>
        `| ${c.name} | ${c.smallP50Ms} | ${c.smallP99Ms} | ${c.p50Ms} | ${c.p99Ms} | ${c.p99Ratio} | ${c.scans.join('; ')} |`,
    ),
    '',
  ].join('\n');
}
