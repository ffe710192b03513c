/**
 * `npm run test:crash` (issue 6 item 16): the real server process — `node bin/beian.js serve`, platform and
 * regulator simulator service in one process, on PostgreSQL — is killed with SIGKILL at seeded random points while
 * several clients drive first filings over HTTP, started again on the same database, and the clients carry on:
 * a request cut off by a kill is retried (starting an order with the same Idempotency-Key), every other step is
 * re-decided from the order's state as a real client would. At the end it checks the invariants:
 *   - every acknowledged order exists, exactly once per account and key (none lost, none duplicated);
 *   - every order reaches 已备案 (approved) once the workers run, and no Idempotency-Key is left in progress;
 *   - no filing number and no regulator submission twice; the audit hash chain is intact;
 *   - a replay of every Idempotency-Key answers exactly the first acknowledgement.
 * Half the kills wait for an order being started (the window of issue 6 item 15), half fall anywhere.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:crash -- [--kills 10] [--seed 1]
 *     [--clients 3] [--where mixed|create|any] [--keep-db]
 * A fresh database is created on DATABASE_URL's server for every run and dropped afterwards (kept with
 * --keep-db). CRASH_SERVER_CMD overrides how the server is started (default `node bin/beian.js serve`).
 * Exit status 0 when every invariant holds.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import pg from 'pg';
import sharp from 'sharp';
import { verifyAuditChain } from '../../src/adapters/db/audit-log.ts';
import { openDatabase } from '../../src/adapters/db/connect.ts';
import { DEMO_ACCOUNTS } from '../../src/seed/demo.ts';
import { freePort } from '../support/ports.ts';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const { values: args } = parseArgs({
  options: {
    kills: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    clients: { type: 'string', default: '3' },
    /** Where kills fall: `mixed` (half while an order is being started), `create` (all there) or `any`. */
    where: { type: 'string', default: 'mixed' },
    'keep-db': { type: 'boolean', default: false },
  },
});
const KILLS = Number(args.kills);
const SEED = Number(args.seed);
const CLIENTS = Number(args.clients);
/** After the last kill, how long the orders in flight may take to reach their end before they count as stuck. */
const SETTLE_MS = 120_000;
const LEASE_SECONDS = 2;

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32): the same seed picks the same kill points and delays.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(SEED);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (msg: string) => process.stdout.write(`[crash ${((performance.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
const t0 = performance.now();

// ---------------------------------------------------------------------------------------------------------------
// The database: a fresh one on the given server.
async function freshDatabase(serverUrl: string) {
  const name = `beian_crash_${SEED}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The server process: started, killed with SIGKILL, started again on the same database and data directory.
class ServerProcess {
  private child: ChildProcess | null = null;
  private up: Promise<void> = Promise.resolve();
  private markUp: () => void = () => {};
  readonly starts: number[] = [];
  constructor(
    private readonly env: Record<string, string>,
    readonly base: string,
    readonly simBase: string,
  ) {}

  /** Resolves once the server answers again (immediately when it is up). */
  whenUp(): Promise<void> {
    return this.up;
  }

  async start(): Promise<void> {
    this.up = new Promise((r) => {
      this.markUp = r;
    });
    const started = performance.now();
    const [cmd, ...cmdArgs] = (process.env.CRASH_SERVER_CMD ?? `${process.execPath} bin/beian.js serve`).split(' ');
    const child = spawn(cmd!, cmdArgs, { cwd: ROOT, env: { ...process.env, ...this.env }, stdio: 'pipe' });
    this.child = child;
    let output = '';
    child.stdout?.on('data', (d) => {
      output = (output + d).slice(-4000);
    });
    child.stderr?.on('data', (d) => {
      output = (output + d).slice(-4000);
    });
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(new Error(`server exited (${code ?? signal}) while starting:\n${output}`)),
      ),
    );
    for (;;) {
      const ok = await Promise.race([Promise.all([healthy(this.base), healthy(this.simBase)]), exited]);
      if (ok.every(Boolean)) break;
      if (performance.now() - started > 120_000) throw new Error(`server did not start in 120 s:\n${output}`);
      await sleep(50);
    }
    exited.catch(() => {}); // a later exit is a kill, awaited in kill()
    this.starts.push(performance.now() - started);
    this.markUp();
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
    this.child = null;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([gone, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  }
}

async function healthy(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP with crash-tolerant retries: a request cut off by a kill is sent again once the server is back.
type Session = { cookie: string };
type Reply = { status: number; json: any; text: string; headers: Headers };
const stats = {
  networkRetries: 0,
  inProgress409: 0,
  rateLimited: 0,
  createRetries: 0,
  /** Order starts cut off by a kill and sent again with the same key (the window of item 15). */
  createCutOff: 0,
  clientErrors: 0,
  serverErrors: [] as string[],
};
const events = new EventEmitter();

async function send(
  server: ServerProcess,
  base: string,
  method: string,
  path: string,
  opts: { session?: Session; body?: unknown; form?: () => Promise<FormData>; headers?: Record<string, string> } = {},
): Promise<Reply> {
  for (;;) {
    await server.whenUp();
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.session) headers.cookie = opts.session.cookie;
    let body: string | FormData | undefined;
    if (opts.form) body = await opts.form();
    else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    let res: Response;
    let text: string;
    try {
      if (method === 'POST' && path === '/api/v1/applicant/orders') events.emit('create');
      res = await fetch(`${base}${path}`, { method, headers, body, signal: AbortSignal.timeout(30_000) });
      text = await res.text();
    } catch {
      stats.networkRetries++;
      if (method === 'POST' && path === '/api/v1/applicant/orders') stats.createCutOff++;
      await sleep(50);
      continue;
    }
    if (res.status === 429) {
      stats.rateLimited++;
      await sleep(1000 * Number(res.headers.get('retry-after') ?? 1));
      continue;
    }
    const reply = { status: res.status, text, json: text ? safeJson(text) : {}, headers: res.headers };
    if (res.status >= 500) stats.serverErrors.push(`${method} ${path} → ${res.status}: ${text.slice(0, 200)}`);
    else if (res.status >= 400) stats.clientErrors++;
    return reply;
  }
}
const safeJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return { text };
  }
};

// ---------------------------------------------------------------------------------------------------------------
// One first filing, driven to its end from whatever state a kill left it in.
type Filing = {
  email: string;
  key: string;
  body: unknown;
  orderId?: string;
  ack?: unknown;
  /** The filer's session (sessions outlive restarts: they are rows). */
  session?: Session;
  finalState?: string;
  numbers?: { subjectNumber: string; websites: Array<{ websiteNumber: string }> };
};

let scanImage: Buffer | undefined;
const scan = async () => {
  scanImage ??= await sharp({ create: { width: 320, height: 200, channels: 3, background: '#8ab' } })
    .jpeg()
    .toBuffer();
  return scanImage;
};

const residentId = (n: number): string => {
  const body = `1101051980${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + '10X98765432'[w.reduce((s, x, i) => s + x * Number(body[i]), 0) % 11];
};

async function fileOne(server: ServerProcess, actors: { admin: Session; reviewer: Session }, n: number, f: Filing) {
  const call = (method: string, path: string, opts: Parameters<typeof send>[4] = {}) =>
    send(server, server.base, method, path, opts);
  const sim = (method: string, path: string, body?: unknown) =>
    send(server, server.simBase, method, path, body === undefined ? {} : { body });
  const password = `Crash-Password-${SEED}-${n}-x`;

  // Account, resource and code: a retry after a kill may find the account made (409) or make a second resource
  // or code, which is harmless.
  const made = await call('POST', '/api/v1/admin/users', {
    session: actors.admin,
    body: { email: f.email, password, role: 'applicant', displayName: `崩溃测试${n}`, realNameVerified: true },
  });
  if (made.status !== 201 && made.status !== 409) throw new Error(`create user: ${made.status} ${made.text}`);
  const login = await call('POST', '/api/v1/auth/login', { body: { email: f.email, password } });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c?.includes('beian_sid='));
  if (!cookie) throw new Error(`login: ${login.status} ${login.text}`);
  const me: Session = { cookie };
  f.session = me;
  const accountId = (await call('GET', '/api/v1/auth/me', { session: me })).json.id as string;
  const ip = `124.${80 + (n % 40)}.${(n >> 3) % 256}.${1 + (n % 250)}`;
  const resource = await call('POST', '/api/v1/admin/resources', {
    session: actors.admin,
    body: {
      accountId,
      kind: 'server',
      name: 'crash web',
      region: 'cn-north-1',
      publicIps: [ip],
      billingType: 'prepaid',
      expiresAt: new Date(Date.now() + 300 * 86_400_000).toISOString(),
    },
  });
  const code = await call('POST', '/api/v1/applicant/authorization-codes', {
    session: me,
    body: { resourceId: resource.json.id },
  });
  if (code.status !== 201) throw new Error(`authorization code: ${code.status} ${code.text}`);

  // Starting the order: the same key until an answer; a 409 in progress waits the Retry-After it names, for no
  // longer than a few leases (a key stuck in progress is what issue 6 item 15 was about).
  const giveUp = performance.now() + 5 * LEASE_SECONDS * 1000 + 30_000;
  for (let attempt = 0; ; attempt++) {
    if (performance.now() > giveUp) throw new Error(`start order (key ${f.key}): still in progress, stuck`);
    if (attempt > 0) stats.createRetries++;
    const r = await call('POST', '/api/v1/applicant/orders', {
      session: me,
      body: f.body,
      headers: { 'idempotency-key': f.key },
    });
    if (r.status === 201) {
      f.ack = r.json;
      f.orderId = r.json.id;
      break;
    }
    if (r.status === 409 && r.json.code === 'IDEMPOTENCY_IN_PROGRESS') {
      stats.inProgress409++;
      await sleep(1000 * Number(r.headers.get('retry-after') ?? 1));
      continue;
    }
    throw new Error(`start order (key ${f.key}): ${r.status} ${r.text}`);
  }

  const person = {
    name: '测试用户',
    idType: 'resident_id',
    idNumber: residentId(n),
    idValidUntil: '2038-01-01',
    mobile: `139${String(10_000_000 + SEED * 100_000 + n).slice(-8)}`,
    emergencyPhone: `138${String(10_000_000 + SEED * 100_000 + n).slice(-8)}`,
    email: 'owner@example.cn',
    isLegalPerson: true,
  };
  const domain = (f.body as { domain: string }).domain;
  const data = {
    subject: {
      province: 'beijing',
      city: '北京市',
      district: '海淀区',
      subjectType: 'individual',
      certificateType: 'resident_id',
      certificateNumber: person.idNumber,
      certificateValidUntil: person.idValidUntil,
      sponsorName: person.name,
      certificateAddress: '北京市海淀区中关村大街1号',
      mailingAddress: '北京市海淀区中关村大街1号',
      responsiblePerson: person,
    },
    websites: [
      {
        name: '测试用户的读书笔记',
        domain,
        serviceContent: 'blog',
        languages: ['zh_hans'],
        preApprovals: [],
        authorizationCode: code.json.code,
        ipAddresses: [ip],
        accessMethod: 'virtual_host',
        sameAsSubjectResponsible: true,
        responsiblePerson: person,
      },
    ],
  };
  const orderPath = `/api/v1/applicant/orders/${f.orderId}`;
  const review = `/api/v1/reviewer/orders/${f.orderId}`;
  const upload = (fields: Record<string, string>) =>
    call('POST', `${orderPath}/materials`, {
      session: me,
      form: async () => {
        const form = new FormData();
        for (const [k, v] of Object.entries(fields)) form.append(k, v);
        form.append('file', new Blob([await scan()], { type: 'image/jpeg' }), 'scan.jpg');
        return form;
      },
    });
  const triedCodes = new Map<string, number>();

  // Every step is decided from the order's state, so a step cut off by a kill is simply decided again.
  const deadline = () => performance.now() + SETTLE_MS;
  let until = deadline();
  let lastState = '';
  while (performance.now() < until) {
    const view = (await call('GET', orderPath, { session: me })).json;
    if (view.state !== lastState) {
      if (process.env.CRASH_VERBOSE) log(`filing ${n}: ${view.state}`);
      lastState = view.state;
      until = deadline();
    }
    switch (view.state) {
      case 'draft':
        if (!view.data?.subject?.sponsorName) {
          await call('PUT', `${orderPath}/data`, { session: me, body: { version: view.version, data } });
        } else if ((view.precheck?.missingMaterials ?? []).length > 0) {
          for (const m of view.precheck.missingMaterials) {
            await upload({
              kind: m.kind,
              ...(m.websiteIndex !== undefined && { websiteIndex: String(m.websiteIndex) }),
              ...(['personal_id', 'subject_cert', 'subject_rp_id', 'website_rp_id'].includes(m.kind) && {
                validUntil: '2038-01-01',
              }),
            });
          }
        } else if (!view.termsAccepted) {
          await call('POST', `${orderPath}/terms`, {
            session: me,
            body: { infoSecurityAgreement: true, assistedCorrectionTerms: true },
          });
        } else {
          await call('POST', `${orderPath}/submit`, { session: me, body: {} });
        }
        break;
      case 'pending_provider_review':
        await call('POST', `${review}/provider-review`, { session: actors.reviewer, body: { decision: 'approve' } });
        break;
      case 'pending_authenticity_verification':
        if (!(view.materials ?? []).some((m: { kind: string }) => m.kind === 'curtain_photo')) {
          await upload({ kind: 'curtain_photo', websiteIndex: '0' });
        }
        await call('POST', `${orderPath}/authenticity`, { session: me });
        break;
      case 'authenticity_under_review':
        await call('POST', `${review}/authenticity-review`, {
          session: actors.reviewer,
          body: { decision: 'approve' },
        });
        break;
      case 'pending_sms_verification': {
        const outbox = await sim('GET', `/api/sms/outbox?mobile=${person.mobile}`);
        const text: string | undefined = outbox.json.messages?.[0]?.text;
        const smsCode = text ? /核验码为 (\d{6})/.exec(text)?.[1] : undefined;
        // Each code at most twice (a verify cut off by a kill), never enough wrong tries to be returned.
        if (smsCode && (triedCodes.get(smsCode) ?? 0) < 2) {
          triedCodes.set(smsCode, (triedCodes.get(smsCode) ?? 0) + 1);
          await sim('POST', '/api/sms/verify', {
            mobile: person.mobile,
            code: smsCode,
            idLast6: person.idNumber.slice(-6),
          });
        } else await sleep(100);
        break;
      }
      case 'submitting_to_admin':
      case 'pending_admin_review':
        await sleep(100);
        break;
      default:
        // approved, or a state this client never expects (rejections, returns, abandonment)
        f.finalState = view.state;
        f.numbers = view.numbers ?? undefined;
        return;
    }
  }
  f.finalState = `stuck in ${lastState}`;
}

// ---------------------------------------------------------------------------------------------------------------
async function main(): Promise<number> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    process.stderr.write('test:crash runs on PostgreSQL: set DATABASE_URL (a server URL; a fresh database is made)\n');
    return 2;
  }
  const database = await freshDatabase(serverUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'beian-crash-'));
  const [port, simPort] = [await freePort(), await freePort()];
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    SIM_PORT: String(simPort),
    SIM_ENABLED: 'true',
    SEED_DEMO: 'true',
    // Crash recovery is about filings; staff sign in with the password alone here (the second factor has its tests).
    STAFF_TOTP_REQUIRED: 'false',
    PI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'error',
    WORKER_INTERVAL_MS: '100',
    SIM_ADMIN_POLICY: 'auto_approve',
    SIM_ADMIN_DELAY_SECONDS: '0',
    IDEMPOTENCY_LEASE_SECONDS: String(LEASE_SECONDS),
    PUBLIC_LOOKUP_RATE_LIMIT: '100000',
  };
  const server = new ServerProcess(env, `http://127.0.0.1:${port}`, `http://127.0.0.1:${simPort}`);
  const filings: Filing[] = [];
  const kills: string[] = [];
  let failures: string[] = [];
  try {
    log(`database ${database.name}; ${KILLS} kills, seed ${SEED}, ${CLIENTS} clients`);
    await server.start();
    log(`server up in ${(server.starts[0]! / 1000).toFixed(1)} s`);
    const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
    const loginAs = async (role: string): Promise<Session> => {
      const r = await send(server, server.base, 'POST', '/api/v1/auth/login', {
        body: { email: account(role).email, password: account(role).password },
      });
      const cookie = r.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .find((c) => c?.includes('beian_sid='));
      if (!cookie) throw new Error(`${role} login: ${r.status} ${r.text}`);
      return { cookie };
    };
    const actors = { admin: await loginAs('admin'), reviewer: await loginAs('reviewer') };

    let killing = true;
    let next = 0;
    const errors: string[] = [];
    const client = async () => {
      while (killing) {
        const n = next++;
        const f: Filing = {
          email: `crash-${SEED}-${n}-${randomBytes(3).toString('hex')}@example.cn`,
          key: `crash-${SEED}-${n}-${randomBytes(4).toString('hex')}`,
          body: {
            kind: 'new',
            domain: `crash-${SEED}-${n}-${randomBytes(3).toString('hex')}.cn`,
            subjectAlreadyFiled: false,
          },
        };
        filings.push(f);
        await fileOne(server, actors, n, f).catch((e: Error) => {
          errors.push(`filing ${n}: ${e.message}`);
          f.finalState = `error: ${e.message.slice(0, 200)}`;
        });
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);

    for (let k = 0; k < KILLS; k++) {
      const duringCreate = args.where === 'create' || (args.where === 'mixed' && random() < 0.5);
      if (duringCreate) {
        // An order being started: the kill lands between its key's claim and its answer, or just around it.
        const delay = random() * 25;
        await Promise.race([new Promise((r) => events.once('create', r)), sleep(10_000)]);
        await sleep(delay);
        kills.push(`create+${delay.toFixed(0)}ms`);
      } else {
        const delay = 300 + random() * 2000;
        await sleep(delay);
        kills.push(`any+${delay.toFixed(0)}ms`);
      }
      await server.kill();
      log(`kill ${k + 1}/${KILLS} (${kills.at(-1)}), ${filings.filter((f) => f.finalState).length} filings done`);
      await server.start();
    }
    killing = false;
    log('kills done; letting the filings in flight finish');
    await Promise.all(clients);

    failures = await checkInvariants(server, database.url, filings);
    failures.unshift(...errors);
    failures.push(...stats.serverErrors.map((e) => `5xx: ${e}`));
  } finally {
    await server.stop();
    if (!args['keep-db']) await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const seconds = (performance.now() - t0) / 1000;
  const restarts = server.starts.slice(1);
  const summary = {
    seed: SEED,
    kills: kills.length,
    killPoints: kills,
    filings: filings.length,
    approved: filings.filter((f) => f.finalState === 'approved').length,
    createCutOff: stats.createCutOff,
    createRetries: stats.createRetries,
    inProgress409: stats.inProgress409,
    networkRetries: stats.networkRetries,
    clientErrors: stats.clientErrors,
    restartSecondsMax: restarts.length ? Math.max(...restarts) / 1000 : 0,
    seconds: Number(seconds.toFixed(1)),
    failures,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(
    failures.length === 0
      ? `crash test passed: ${kills.length} kills, ${filings.length} filings, ${seconds.toFixed(0)} s\n`
      : `crash test FAILED: ${failures.length} invariant violations\n`,
  );
  return failures.length === 0 ? 0 : 1;
}

async function checkInvariants(server: ServerProcess, databaseUrl: string, filings: Filing[]): Promise<string[]> {
  const failures: string[] = [];
  const handle = await openDatabase({ databaseUrl });
  const db = handle.db;
  try {
    for (const f of filings) {
      if (!f.orderId) {
        failures.push(`${f.key}: never acknowledged (${f.finalState})`);
        continue;
      }
      if (f.finalState !== 'approved') failures.push(`${f.orderId}: ended ${f.finalState}`);
      const account = await db.selectFrom('users').select('id').where('email', '=', f.email).executeTakeFirst();
      const orders = account
        ? await db.selectFrom('filing_orders').select('id').where('account_id', '=', account.id).execute()
        : [];
      if (orders.length !== 1 || orders[0]!.id !== f.orderId) {
        failures.push(
          `${f.key}: acknowledged ${f.orderId}, the account has ${JSON.stringify(orders.map((o) => o.id))}`,
        );
      }
    }
    const stuckKeys = await db.selectFrom('idempotency_keys').select('key').where('status_code', 'is', null).execute();
    for (const k of stuckKeys) failures.push(`Idempotency-Key ${k.key} left in progress`);

    const sql = (text: string) => handle.pool.query(text).then((r) => r.rows);
    const twice = async (label: string, text: string) => {
      for (const row of await sql(text)) failures.push(`${label} twice: ${JSON.stringify(row)}`);
    };
    await twice('website number', 'SELECT icp_number, count(*) FROM websites GROUP BY 1 HAVING count(*) > 1');
    await twice('subject number', 'SELECT icp_number, count(*) FROM subjects GROUP BY 1 HAVING count(*) > 1');
    await twice('domain filed', 'SELECT domain, count(*) FROM websites GROUP BY 1 HAVING count(*) > 1');
    await twice(
      'regulator submission',
      'SELECT order_id, count(*) FROM simulator.sim_order GROUP BY 1 HAVING count(*) > 1',
    );
    await twice(
      'regulator number',
      'SELECT number, count(*) FROM simulator.sim_website GROUP BY 1 HAVING count(*) > 1',
    );
    const approved = filings.filter((f) => f.finalState === 'approved');
    for (const f of approved) {
      if (!/^京ICP备\d{10}号$/.test(f.numbers?.subjectNumber ?? '')) failures.push(`${f.orderId}: no subject number`);
    }
    const pendingOutbox = await sql('SELECT count(*)::int AS n FROM outbox WHERE done_at IS NULL AND attempts > 5');
    if (pendingOutbox[0].n > 0) failures.push(`${pendingOutbox[0].n} outbox rows failing repeatedly`);
    const chain = await verifyAuditChain(db);
    if (chain !== null) failures.push(`audit chain broken: ${chain}`);

    // Every key replays its first acknowledgement, byte for byte as JSON.
    for (const f of filings.filter((x) => x.ack)) {
      const account = await db.selectFrom('users').select('id').where('email', '=', f.email).executeTakeFirstOrThrow();
      const row = await db
        .selectFrom('idempotency_keys')
        .select(['status_code', 'response'])
        .where('account_id', '=', account.id)
        .where('key', '=', f.key)
        .executeTakeFirst();
      if (row?.status_code !== 201 || !isDeepStrictEqual(row.response, f.ack)) {
        failures.push(`${f.key}: the stored answer is not the acknowledgement`);
      }
    }
    await replayOverHttp(server, filings, failures);
  } finally {
    await handle.close();
  }
  return failures;
}

/** Replays every filer's key over HTTP, in the session it filed in. */
async function replayOverHttp(server: ServerProcess, filings: Filing[], failures: string[]) {
  for (const f of filings) {
    if (!f.ack || !f.session) continue;
    const r = await send(server, server.base, 'POST', '/api/v1/applicant/orders', {
      session: f.session,
      body: f.body,
      headers: { 'idempotency-key': f.key },
    });
    if (r.status !== 201 || !isDeepStrictEqual(r.json, f.ack)) {
      failures.push(`${f.key}: replay answered ${r.status} ${r.text.slice(0, 120)}, not the acknowledgement`);
    }
  }
}

const status = await main().catch((e: Error) => {
  process.stderr.write(`${e.stack ?? e.message}\n`);
  return 1;
});
process.exit(status);
