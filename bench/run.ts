import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { OrderDataSchema } from '../src/contracts/filing-data.ts';
import { precheck } from '../src/domain/precheck/precheck.ts';
import { DEMO_ACCOUNTS } from '../src/seed/demo.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { completeFirstFiling, createHttp } from './filing-client.ts';
import { measureStartup, type StartupResult } from './startup.ts';

/**
 * `npm run bench`: every figure is measured in this run, next to a baseline measured in the same run on the same
 * machine, so ratios stay comparable across machines. Results go to bench/results/ (JSON + Markdown).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const FILINGS = Number(process.env.BENCH_FILINGS ?? 12);
const CONNECTIONS = 50;
const execFileAsync = promisify(execFile);
const AUTOCANNON_BIN = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

type LoadResult = { requestsPerSecond: number; p99Ms: number; non2xx: number; errors: number };

/**
 * The load comes from a second process (autocannon's CLI), as wrk would: run inside this process it would share
 * the event loop with the server under test and compress every ratio towards 1.
 */
async function load(url: string, headers: Record<string, string> = {}, seconds = SECONDS): Promise<LoadResult> {
  const args = [AUTOCANNON_BIN, '-j', '-c', String(CONNECTIONS), '-d', String(seconds)];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  const { stdout } = await execFileAsync(process.execPath, [...args, url], { maxBuffer: 16 * 1024 * 1024 });
  const r = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p99: number };
    non2xx: number;
    errors: number;
  };
  return {
    requestsPerSecond: Math.round(r.requests.average),
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

async function bareFastifyBaseline(): Promise<LoadResult> {
  const app = Fastify();
  app.get('/hello', async () => ({ items: [{ name: 'hello', number: '京ICP备2026000001号-1' }] }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await load(`${url}/hello`);
  } finally {
    await app.close();
  }
}

/** A port nobody listens on now: the simulator needs the platform's callback URL before the platform starts. */
async function freePort(): Promise<number> {
  const probe = Fastify();
  await probe.listen({ port: 0, host: '127.0.0.1' });
  const { port } = probe.server.address() as { port: number };
  await probe.close();
  return port;
}

const baseEnv = (
  dataDir: string,
  databaseUrl?: string,
  ports = { platform: 0, simulator: 0 },
): Record<string, string | undefined> => ({
  NODE_ENV: 'development',
  PORT: String(ports.platform),
  SIM_PORT: String(ports.simulator),
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'silent',
  WORKER_INTERVAL_MS: '50',
  SIM_ADMIN_POLICY: 'auto_approve',
  SIM_ADMIN_DELAY_SECONDS: '0',
  PUBLIC_LOOKUP_RATE_LIMIT: '100000000',
  // The sign-in stand-ins would take their fixed ports (3002, 3003); the benchmarks sign in with passwords.
  DEV_IDP: 'false',
  DEV_WECHAT_STAND_IN: 'false',
});

async function startPlatform(databaseUrl?: string, extra: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'beian-bench-'));
  const key = randomBytes(32).toString('base64');
  const ports = { platform: await freePort(), simulator: await freePort() };
  const server: RunningServer = await startServer(
    loadConfig({ ...baseEnv(dataDir, databaseUrl, ports), PI_ENCRYPTION_KEY: key, ...extra }),
    { quiet: true },
  );
  return {
    server,
    key,
    dataDir,
    ports,
    cleanup: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function actors(base: string, server: RunningServer) {
  const http = createHttp(base);
  const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
  return {
    admin: await http.login(account('admin').email, account('admin').password),
    reviewer: await http.login(account('reviewer').email, account('reviewer').password),
    manualAdminDecision: false,
    simulatorUrl: server.simulatorUrl ?? `${base}/sim`,
  };
}

/** Complete filings per second on a fresh platform; the platform stays up for the caller (lookup load). */
async function filingThroughput(label: string, databaseUrl?: string, extra: Record<string, string> = {}) {
  const platform = await startPlatform(databaseUrl, extra);
  const base = platform.server.url;
  const who = await actors(base, platform.server);
  const warm = await completeFirstFiling(base, who);
  const started = performance.now();
  const durations: number[] = [];
  // Two applicants at a time: filings of different accounts never wait on each other's order rows.
  for (let i = 0; i < FILINGS; i += 2) {
    await Promise.all(
      [0, 1].map(async () => {
        const t = performance.now();
        await completeFirstFiling(base, who);
        durations.push(performance.now() - t);
      }),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  durations.sort((a, b) => a - b);
  const result = {
    database: label,
    filings: durations.length,
    seconds: Number(seconds.toFixed(2)),
    filingsPerSecond: Number((durations.length / seconds).toFixed(2)),
    medianFilingMs: Math.round(durations[Math.floor(durations.length / 2)]!),
  };
  return { result, platform, who, warm, websiteNumber: warm.numbers.websites[0]!.websiteNumber };
}

function precheckTiming() {
  const person = {
    name: '测试用户',
    idType: 'resident_id' as const,
    idNumber: '11010519491231002X',
    idValidUntil: '2038-01-01' as const,
    mobile: '13912345678',
    emergencyPhone: '13987654321',
    email: 'owner@example.cn',
    isLegalPerson: true,
  };
  const data = OrderDataSchema.parse({
    subject: {
      province: 'guangdong',
      city: '深圳市',
      district: '南山区',
      subjectType: 'enterprise',
      certificateType: 'business_license',
      certificateNumber: '91110000600037341L',
      certificateValidUntil: 'long_term',
      sponsorName: '深圳市测试科技有限公司',
      certificateAddress: '广东省深圳市南山区科技园1号',
      mailingAddress: '广东省深圳市南山区科技园1号',
      responsiblePerson: person,
    },
    websites: [1, 2, 3].map((i) => ({
      name: `测试科技产品站${i}`,
      domain: `example-${i}.cn`,
      serviceContent: 'unit_portal',
      languages: ['zh_hans'],
      preApprovals: [],
      authorizationCode: 'ABCDEFGHJKLMNPQR',
      ipAddresses: ['124.70.10.10'],
      accessMethod: 'virtual_host',
      sameAsSubjectResponsible: true,
      responsiblePerson: person,
    })),
  });
  const now = new Date();
  const run = (n: number, fn: () => void) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    return ((performance.now() - t) * 1000) / n;
  };
  const rounds = 2000;
  run(200, () =>
    precheck({ type: 'first_filing', data, now, verificationStage: 'after_provider_review', materials: [] }),
  );
  const precheckUs = run(rounds, () =>
    precheck({ type: 'first_filing', data, now, verificationStage: 'after_provider_review', materials: [] }),
  );
  const parseUs = run(rounds, () => OrderDataSchema.parse(data));
  return {
    draft: 'Guangdong enterprise, 3 websites, first filing',
    precheckMicroseconds: Math.round(precheckUs),
    baselineSchemaParseMicroseconds: Math.round(parseUs),
    ratioToSchemaParse: Number((precheckUs / parseUs).toFixed(2)),
  };
}

type AuthenticatedReads = {
  database: string;
  health: LoadResult;
  authMe: LoadResult;
  ratioAuthMeToHealth: number;
  applicantOrderView: LoadResult;
  reviewerOrderView: LoadResult;
};

/** Session resolution and the order views against `/api/health` of the same platform, in the same run. */
async function authenticatedReads(
  database: string,
  run: Awaited<ReturnType<typeof filingThroughput>>,
  databaseUrl?: string,
): Promise<AuthenticatedReads> {
  // The filings ran with 50 ms worker polls; a deployment polls every 2 s (the default). Restarted on the same
  // database (sessions included) with the defaults, so the polls do not share the event loop with the reads.
  const { dataDir, key, ports } = run.platform;
  await run.platform.server.stop();
  const server = await startServer(
    loadConfig({ ...baseEnv(dataDir, databaseUrl, ports), PI_ENCRYPTION_KEY: key, WORKER_INTERVAL_MS: undefined }),
    { quiet: true },
  );
  try {
    return await measureReads(database, server.url, run);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureReads(
  database: string,
  base: string,
  run: Awaited<ReturnType<typeof filingThroughput>>,
): Promise<AuthenticatedReads> {
  const { orderId, applicant } = run.warm;
  // A short unmeasured load first, so the first figure is not the one that pays for JIT warm-up.
  await load(`${base}/api/v1/applicant/orders/${orderId}`, { cookie: applicant.cookie }, 3);
  const health = await load(`${base}/api/health`);
  const authMe = await load(`${base}/api/v1/auth/me`, { cookie: applicant.cookie });
  const applicantOrderView = await load(`${base}/api/v1/applicant/orders/${orderId}`, { cookie: applicant.cookie });
  const reviewerOrderView = await load(`${base}/api/v1/reviewer/orders/${orderId}`, {
    cookie: run.who.reviewer.cookie,
  });
  return {
    database,
    health,
    authMe,
    ratioAuthMeToHealth: Number((authMe.requestsPerSecond / health.requestsPerSecond).toFixed(3)),
    applicantOrderView,
    reviewerOrderView,
  };
}

async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `beian_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (e) {
    console.warn(`PostgreSQL not reachable (${(e as Error).message}); skipping the PostgreSQL figures`);
    return null;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function main() {
  console.log(
    `bench: ${cpus().length} cores, node ${process.version}, ${SECONDS}s load runs, ${FILINGS} filings per database`,
  );
  const precheckResult = precheckTiming();
  console.log('precheck', precheckResult);

  // The lookup cache is off during this run so the uncached figure is measured; the cached one follows.
  const pglite = await filingThroughput('pglite', undefined, { PUBLIC_LOOKUP_CACHE_SECONDS: '0' });
  console.log('filings on PGlite', pglite.result);
  const lookupPath = `/api/v1/public/lookup?number=${encodeURIComponent(pglite.websiteNumber)}`;
  const lookupUncached = await load(`${pglite.platform.server.url}${lookupPath}`);
  console.log('public lookup, no cache', lookupUncached);
  const { dataDir, key, ports } = pglite.platform;
  await pglite.platform.server.stop();
  // Same data directory, default cache: the figure a deployment sees for a hot public query.
  const cached = await startServer(
    loadConfig({ ...baseEnv(dataDir, undefined, ports), PI_ENCRYPTION_KEY: key, WORKER_INTERVAL_MS: undefined }),
    { quiet: true },
  );
  // The baseline again, next to the figure it is compared with.
  const baselineNearLookup = await bareFastifyBaseline();
  console.log('bare fastify', baselineNearLookup);
  const lookup = await load(`${cached.url}${lookupPath}`);
  console.log('public lookup, cached', lookup);
  await cached.stop();
  rmSync(dataDir, { recursive: true, force: true });

  let postgres: Awaited<ReturnType<typeof filingThroughput>>['result'] | null = null;
  let reads: AuthenticatedReads | null = null;
  const pgdb = await freshPostgres();
  if (pgdb) {
    try {
      const run = await filingThroughput('postgres', pgdb.url);
      postgres = run.result;
      console.log('filings on PostgreSQL', postgres);
      reads = await authenticatedReads('postgres', run, pgdb.url);
    } finally {
      await pgdb.drop();
    }
  } else {
    const run = await filingThroughput('pglite', undefined);
    reads = await authenticatedReads('pglite', run);
  }
  console.log('authenticated reads', reads);

  // Start-up of the real process (`node bin/beian.js serve`), empty data directory then restart.
  const startup: Array<StartupResult & { database: string }> = [{ database: 'pglite', ...(await measureStartup()) }];
  const startupDb = await freshPostgres();
  if (startupDb) {
    try {
      startup.push({ database: 'postgres', ...(await measureStartup({ databaseUrl: startupDb.url })) });
    } finally {
      await startupDb.drop();
    }
  }
  console.log('start-up', startup);

  const results = {
    measuredAt: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    settings: { loadSeconds: SECONDS, connections: CONNECTIONS, filingsPerDatabase: FILINGS },
    publicLookup: {
      route: 'GET /api/v1/public/lookup?number=<website number> (PGlite)',
      ...lookup,
      uncached: lookupUncached,
      baselineBareFastify: baselineNearLookup,
      ratioRequestsPerSecond: Number((lookup.requestsPerSecond / baselineNearLookup.requestsPerSecond).toFixed(3)),
      ratioP99: Number((lookup.p99Ms / Math.max(1, baselineNearLookup.p99Ms)).toFixed(2)),
    },
    completeFilings: [pglite.result, ...(postgres ? [postgres] : [])],
    authenticatedReads: reads,
    startup,
    precheck: precheckResult,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  const f = results.completeFilings;
  const md = `# Benchmark results

Measured ${results.measuredAt} on ${results.machine.cores} cores (${results.machine.cpu}), Node ${results.machine.node}.
The load generator (autocannon) runs as a second process on the same machine. Command: \`npm run bench\`.

## Public lookup vs a bare Fastify route (same run, autocannon -c ${CONNECTIONS} -d ${SECONDS})

| route | req/s | p99 (ms) | non-2xx |
| --- | ---: | ---: | ---: |
| bare Fastify \`GET /hello\` (baseline) | ${baselineNearLookup.requestsPerSecond} | ${baselineNearLookup.p99Ms} | ${baselineNearLookup.non2xx} |
| \`GET /api/v1/public/lookup?number=…\` (5 s answer cache, default) | ${lookup.requestsPerSecond} | ${lookup.p99Ms} | ${lookup.non2xx} |
| same, cache off (every request reads PGlite) | ${lookupUncached.requestsPerSecond} | ${lookupUncached.p99Ms} | ${lookupUncached.non2xx} |
| **ratio (cached lookup / baseline)** | **${results.publicLookup.ratioRequestsPerSecond}** | ${results.publicLookup.ratioP99}× | |
| ratio (uncached lookup / baseline) | ${(lookupUncached.requestsPerSecond / baselineNearLookup.requestsPerSecond).toFixed(3)} | | |

## Complete filings through the HTTP API

Each filing: new account → resource and authorization code → order → data → ${'materials'} upload → agreements → submit →
初审 → curtain photo and its review → MIIT SMS code read from the simulator outbox and verified → 管局 approval
(simulator auto policy) → numbers. Two filings run at a time.

| database | filings | seconds | filings/s | median filing (ms) |
| --- | ---: | ---: | ---: | ---: |
${f.map((r) => `| ${r.database} | ${r.filings} | ${r.seconds} | ${r.filingsPerSecond} | ${r.medianFilingMs} |`).join('\n')}
${f.length === 2 ? `\nPostgreSQL / PGlite throughput ratio: **${(f[1]!.filingsPerSecond / f[0]!.filingsPerSecond).toFixed(2)}**\n` : ''}
${
  reads
    ? `## Authenticated reads (${reads.database}, autocannon -c ${CONNECTIONS} -d ${SECONDS}, an approved order)

| route | req/s | p99 (ms) | non-2xx |
| --- | ---: | ---: | ---: |
| \`GET /api/health\` (baseline) | ${reads.health.requestsPerSecond} | ${reads.health.p99Ms} | ${reads.health.non2xx} |
| \`GET /api/v1/auth/me\` (session resolution) | ${reads.authMe.requestsPerSecond} | ${reads.authMe.p99Ms} | ${reads.authMe.non2xx} |
| \`GET /api/v1/applicant/orders/:id\` | ${reads.applicantOrderView.requestsPerSecond} | ${reads.applicantOrderView.p99Ms} | ${reads.applicantOrderView.non2xx} |
| \`GET /api/v1/reviewer/orders/:id\` | ${reads.reviewerOrderView.requestsPerSecond} | ${reads.reviewerOrderView.p99Ms} | ${reads.reviewerOrderView.non2xx} |

Session resolution / health ratio: **${reads.ratioAuthMeToHealth}**
`
    : ''
}
## Start-up of \`node bin/beian.js serve\` (spawned, until \`/api/health\` answers)

| database | first start, empty data dir (ms) | restart (ms) |
| --- | ---: | ---: |
${startup.map((r) => `| ${r.database} | ${r.firstStartMs} | ${r.restartMs} |`).join('\n')}

Load average when measured: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min; other processes share the 2 cores).

## Pre-check time per draft

${precheckResult.draft}: **${precheckResult.precheckMicroseconds} µs** per pre-check; baseline zod parse of the same draft
${precheckResult.baselineSchemaParseMicroseconds} µs (ratio ${precheckResult.ratioToSchemaParse}).
`;
  writeFileSync('bench/results/latest.md', md);
  console.log(md);
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
