import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt, totpStepAt } from '../src/adapters/auth/totp.ts';
import type { OrderView } from '../src/contracts/order-api.ts';
import { type Cluster, startCluster } from '../src/dev/cluster.ts';
import { demoTotpSecret } from '../src/seed/demo-totp-secrets.ts';
import { createTestDatabaseUrl } from '../src/simulator/test-support.ts';
import { individualSubject, jpeg, multipart, person, uniqueDomain, website } from './support/filing-data.ts';
import { HttpSession } from './support/http-session.ts';

/**
 * Two platform processes (`beian serve`, each with its own DATA_DIR; the first with its worker, the second
 * web-only beside a `beian worker` process) on one PostgreSQL
 * database behind a round-robin proxy, the regulator simulator as a third process calling back through the
 * proxy, and s3rver as the shared object store. Every request of a "browser" alternates between the instances.
 * PostgreSQL only: the embedded PGlite belongs to one process (README, deployment).
 */
const SESSION_CACHE_MS = 2000;

describe.skipIf(!process.env.DATABASE_URL)('two instances on one PostgreSQL', () => {
  let cluster: Cluster;
  let database: { url: string; drop: () => Promise<void> };
  let sql: pg.Pool;
  let dataDir: string;

  beforeAll(async () => {
    database = (await createTestDatabaseUrl())!;
    dataDir = mkdtempSync(join(tmpdir(), 'beian-multi-'));
    cluster = await startCluster({
      databaseUrl: database.url,
      instances: 2,
      // Both placements of the worker at once: inside the first instance, and as its own process beside a
      // web-only second instance. Two workers race for every due row.
      instanceEnv: (i): Record<string, string> => (i === 1 ? { WORKER_ENABLED: 'false' } : {}),
      standaloneWorkers: 1,
      dataDir,
      env: {
        WORKER_INTERVAL_MS: '100',
        SESSION_CACHE_MS: String(SESSION_CACHE_MS),
        REGISTER_RATE_LIMIT: '1000',
        LOGIN_RATE_LIMIT: '1000',
        SIM_ADMIN_POLICY: 'manual',
      },
    });
    sql = new pg.Pool({ connectionString: database.url, max: 2 });
  }, 180_000);

  afterAll(async () => {
    await sql?.end();
    await cluster?.stop();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const [first, second] = [0, 1];
  const instance = (i: number) => cluster.instanceUrls[i]!;

  async function newApplicant(): Promise<HttpSession> {
    const browser = new HttpSession(cluster.url);
    const email = `multi-${crypto.randomUUID().slice(0, 8)}@test.example`;
    const password = `Multi-${crypto.randomUUID()}`;
    await browser.expect(202, 'POST', '/api/v1/auth/register', { json: { email, password, displayName: '多实例' } });
    await browser.expect(200, 'POST', '/api/v1/auth/login', { json: { email, password } });
    return browser;
  }

  it('shares sessions: signed in on one instance, known on the other; a logout ends it on both', async () => {
    const onFirst = (await newApplicant()).at(instance(first));
    const me = await onFirst.expect(200, 'GET', '/api/v1/auth/me');
    const onSecond = onFirst.at(instance(second));
    expect((await onSecond.expect(200, 'GET', '/api/v1/auth/me')).id).toBe(me.id);

    await onSecond.expect(204, 'POST', '/api/v1/auth/logout');
    expect((await onSecond.send('GET', '/api/v1/auth/me')).status).toBe(401);
    // The first instance may remember the session for SESSION_CACHE_MS (the documented price of its cache);
    // after that it must have asked the database and been refused.
    await new Promise((resolve) => setTimeout(resolve, SESSION_CACHE_MS + 100));
    const stale = onFirst.at(instance(first));
    expect((await stale.send('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('honours an Idempotency-Key across instances: the same request sent to both makes one order', async () => {
    const browser = await newApplicant();
    const key = `multi-${crypto.randomUUID()}`;
    const request = { kind: 'new', domain: uniqueDomain('idem'), subjectAlreadyFiled: false };
    const answers = await Promise.all(
      [first, second].map((i) =>
        browser.at(instance(i)).send('POST', '/api/v1/applicant/orders', {
          json: request,
          headers: { 'idempotency-key': key },
        }),
      ),
    );
    // Both finish (201 with the same order), or the later one is told the first is still running.
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const a of answers.filter((x) => x.status !== 201)) {
      expect(a.status).toBe(409);
      expect(a.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    }
    const id = created[0]!.body.id;
    for (const a of created) expect(a.body.id).toBe(id);
    for (const i of [first, second]) {
      const again = await browser
        .at(instance(i))
        .expect(201, 'POST', '/api/v1/applicant/orders', { json: request, headers: { 'idempotency-key': key } });
      expect(again.id).toBe(id);
    }
    const me = await browser.expect(200, 'GET', '/api/v1/auth/me');
    const { rows } = await sql.query('SELECT count(*)::int AS n FROM filing_orders WHERE account_id = $1', [me.id]);
    expect(rows[0].n).toBe(1);
  });

  it('files three websites to the number through the proxy; every background job runs exactly once', async () => {
    const reviewer = await signInReviewer();
    const filings = await Promise.all([0, 1, 2].map(() => submitFiling()));
    for (const f of filings) await passProviderReview(reviewer, f);

    // Both workers sweep the same outbox: each order reaches the regulator once and waits for MIIT's SMS check.
    for (const f of filings) await waitForState(f, 'pending_sms_verification');
    const sim = new HttpSession(cluster.simulatorUrl);
    for (const f of filings) {
      const { messages } = await sim.expect(200, 'GET', `/api/sms/outbox?mobile=${f.rp.mobile}`);
      const code = /核验码为 (\d{6})/.exec(messages[0].text)![1]!;
      await sim.expect(200, 'POST', '/api/sms/verify', {
        json: { mobile: f.rp.mobile, code, idLast6: f.rp.idNumber.slice(-6) },
      });
    }
    for (const f of filings) await waitForState(f, 'pending_admin_review');
    const { orders } = await sim.expect(200, 'GET', '/api/orders?limit=500');
    for (const f of filings) {
      const ref = orders.find((o: { orderId: string }) => o.orderId === f.id).ref;
      await sim.expect(200, 'POST', `/api/orders/${ref}/decision`, { json: { decision: 'approve' } });
    }
    for (const f of filings) {
      const view = await waitForState(f, 'approved');
      expect(view.numbers?.websites[0]?.websiteNumber).toMatch(/^[\u4e00-\u9fa5]ICP备\d{8,}号-1$/);
    }

    const ids = filings.map((f) => f.id);
    // One regulator submission per order at the simulator (it keys them by the platform's idempotency key).
    const submissions = await sql.query(
      'SELECT order_id, count(*)::int AS n FROM simulator.sim_order WHERE order_id = ANY($1) GROUP BY order_id',
      [ids],
    );
    expect(submissions.rows.map((r) => r.n)).toEqual([1, 1, 1]);
    // Every outbox row of these orders was claimed once and finished: no second worker took one.
    const outbox = await waitForOutboxDone(ids);
    expect(outbox.rows.length).toBeGreaterThanOrEqual(ids.length * 2);
    for (const row of outbox.rows) {
      expect(row.done_at, `${row.topic}: ${row.last_error}`).not.toBeNull();
      expect(row.attempts, row.topic).toBe(1);
    }
    // Each transition happened once: no state was entered twice by racing workers or callbacks.
    const transitions = await sql.query(
      `SELECT order_id, to_state, count(*)::int AS n FROM audit_log
       WHERE order_id = ANY($1) AND to_state IS NOT NULL GROUP BY order_id, to_state HAVING count(*) > 1`,
      [ids],
    );
    expect(transitions.rows).toEqual([]);
    // Both instances answered requests of these browsers.
    expect(Math.min(...cluster.proxy.served)).toBeGreaterThan(20);
  }, 240_000);

  it('fires each due deadline once although both workers sweep: codes lapse and idle drafts expire once', async () => {
    // One open order per account: twelve applicants, each with a draft and an authorization code.
    const accounts = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const browser = await newApplicant();
        const order = await browser.expect(201, 'POST', '/api/v1/applicant/orders', {
          json: { kind: 'new', domain: uniqueDomain('idle'), subjectAlreadyFiled: false },
        });
        const { items } = await browser.expect(200, 'GET', '/api/v1/applicant/resources');
        const issued = await browser.expect(201, 'POST', '/api/v1/applicant/authorization-codes', {
          json: { resourceId: items.find((r: { eligible: boolean }) => r.eligible).id },
        });
        return { browser, id: order.id as string, code: issued.code as string };
      }),
    );
    const ids = accounts.map((a) => a.id);
    const codes = accounts.map((a) => a.code);
    // Months of waiting cannot pass in a test: the rows are made due now instead; both workers find them.
    await sql.query('UPDATE authorization_codes SET expires_at = now() WHERE code = ANY($1)', [codes]);
    const due = await sql.query(
      `UPDATE deadlines SET due_at = now() WHERE fired_at IS NULL AND (
         (kind = 'draft_idle' AND ref_id = ANY($1)) OR (kind = 'authorization_code_expiry' AND ref_id = ANY($2)))`,
      [ids, codes],
    );
    expect(due.rowCount).toBe(24);

    const until = Date.now() + 30_000;
    let pending = 24;
    while (pending > 0 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const left = await sql.query(
        `SELECT count(*)::int AS n FROM deadlines WHERE fired_at IS NULL AND (
           (kind = 'draft_idle' AND ref_id = ANY($1)) OR (kind = 'authorization_code_expiry' AND ref_id = ANY($2)))`,
        [ids, codes],
      );
      pending = left.rows[0].n;
    }
    expect(pending).toBe(0);
    // A code's deadline row stays, fired: claimed once (attempts counts claims), by one of the two workers.
    const codeRows = await sql.query(
      "SELECT attempts, last_error FROM deadlines WHERE kind = 'authorization_code_expiry' AND ref_id = ANY($1)",
      [codes],
    );
    expect(codeRows.rows).toEqual(codes.map(() => ({ attempts: 1, last_error: null })));
    const states = await sql.query('SELECT DISTINCT state FROM authorization_codes WHERE code = ANY($1)', [codes]);
    expect(states.rows).toEqual([{ state: 'invalid' }]);
    // A draft's row is removed by its own transition; the audit log shows that transition happened once.
    const expired = await sql.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE order_id = ANY($1) AND action = 'order.draft_expired' GROUP BY order_id",
      [ids],
    );
    expect(expired.rows.map((r) => r.n)).toEqual(ids.map(() => 1));
    const { browser, id } = accounts[0]!;
    expect((await browser.expect<OrderView>(200, 'GET', `/api/v1/applicant/orders/${id}`)).state).toBe('abandoned');
  });

  it('shares stored files: a material uploaded through one instance is read back through the other', async () => {
    const browser = await newApplicant();
    const order = await browser.expect(201, 'POST', '/api/v1/applicant/orders', {
      json: { kind: 'new', domain: uniqueDomain('s3'), subjectAlreadyFiled: false },
    });
    const { payload, headers } = multipart({ kind: 'subject_cert', validUntil: '2036-01-01' }, await jpeg());
    const uploaded = await browser
      .at(instance(first))
      .expect(201, 'POST', `/api/v1/applicant/orders/${order.id}/materials`, { body: payload, headers });
    const path = `/api/v1/applicant/materials/${uploaded.id}/content`;
    const viaFirst = await browser.at(instance(first)).expect<Buffer>(200, 'GET', path);
    const viaSecond = await browser.at(instance(second)).expect<Buffer>(200, 'GET', path);
    expect(viaSecond.equals(viaFirst)).toBe(true);
    expect(viaFirst.subarray(0, 3).toString('hex')).toBe('ffd8ff');
    expect(cluster.s3).not.toBeNull();
  });

  type Filing = { browser: HttpSession; id: string; rp: ReturnType<typeof person> };

  async function submitFiling(): Promise<Filing> {
    const browser = await newApplicant();
    const domain = uniqueDomain('multi');
    const order = await browser.expect<OrderView>(201, 'POST', '/api/v1/applicant/orders', {
      json: { kind: 'new', domain, subjectAlreadyFiled: false },
    });
    const { items } = await browser.expect(200, 'GET', '/api/v1/applicant/resources');
    const server = items.find((r: { eligible: boolean }) => r.eligible);
    const issued = await browser.expect(201, 'POST', '/api/v1/applicant/authorization-codes', {
      json: { resourceId: server.id },
    });
    const rp = person();
    await browser.expect(200, 'PUT', `/api/v1/applicant/orders/${order.id}/data`, {
      json: {
        version: order.version,
        data: { subject: individualSubject(rp), websites: [website(domain, issued.code, issued.publicIp, rp)] },
      },
    });
    const view = await browser.expect<OrderView>(200, 'GET', `/api/v1/applicant/orders/${order.id}`);
    for (const m of view.precheck?.missingMaterials ?? []) {
      const fields: Record<string, string> = { kind: m.kind };
      if (m.websiteIndex !== undefined) fields.websiteIndex = String(m.websiteIndex);
      if (['subject_cert', 'subject_rp_id', 'website_rp_id', 'personal_id', 'residence_proof'].includes(m.kind)) {
        fields.validUntil = '2036-01-01';
      }
      const { payload, headers } = multipart(fields, await jpeg());
      await browser.expect(201, 'POST', `/api/v1/applicant/orders/${order.id}/materials`, { body: payload, headers });
    }
    await browser.expect(200, 'POST', `/api/v1/applicant/orders/${order.id}/terms`, {
      json: { infoSecurityAgreement: true, assistedCorrectionTerms: true },
    });
    await browser.expect(200, 'POST', `/api/v1/applicant/orders/${order.id}/submit`, { json: {} });
    return { browser, id: order.id, rp };
  }

  async function passProviderReview(reviewer: HttpSession, f: Filing): Promise<void> {
    const reviewed = await reviewer.expect<OrderView>(200, 'POST', `/api/v1/reviewer/orders/${f.id}/provider-review`, {
      json: { decision: 'approve' },
    });
    if (reviewed.state !== 'pending_authenticity_verification') return;
    const { payload, headers } = multipart({ kind: 'curtain_photo', websiteIndex: '0' }, await jpeg());
    await f.browser.expect(201, 'POST', `/api/v1/applicant/orders/${f.id}/materials`, { body: payload, headers });
    await f.browser.expect(200, 'POST', `/api/v1/applicant/orders/${f.id}/authenticity`);
    await reviewer.expect(200, 'POST', `/api/v1/reviewer/orders/${f.id}/authenticity-review`, {
      json: { decision: 'approve' },
    });
  }

  /** The demo reviewer (seeded by whichever instance started first), password then authenticator code. */
  async function signInReviewer(): Promise<HttpSession> {
    const reviewer = new HttpSession(cluster.url);
    await reviewer.expect(200, 'POST', '/api/v1/auth/login', {
      json: { email: 'reviewer@demo.beian.local', password: 'Beian-Demo-Reviewer-2026' },
    });
    const secret = demoTotpSecret('reviewer@demo.beian.local')!;
    const code = totpCodeAt(secret, new Date(totpStepAt(new Date()) * 30_000));
    await reviewer.expect(200, 'POST', '/api/v1/auth/second-factor/verify', { json: { code } });
    return reviewer;
  }

  /** The outbox rows of these orders once none is pending (the last notifications follow the approval). */
  async function waitForOutboxDone(ids: string[]) {
    const until = Date.now() + 30_000;
    for (;;) {
      const rows = await sql.query(
        "SELECT topic, attempts, done_at, last_error FROM outbox WHERE payload->>'orderId' = ANY($1)",
        [ids],
      );
      if (rows.rows.every((r) => r.done_at !== null) || Date.now() > until) return rows;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Polls the order (through the proxy, so both instances answer) until the workers and callbacks moved it. */
  async function waitForState(f: Filing, state: OrderView['state']): Promise<OrderView> {
    const until = Date.now() + 60_000;
    let view: OrderView | undefined;
    while (Date.now() < until) {
      view = await f.browser.expect<OrderView>(200, 'GET', `/api/v1/applicant/orders/${f.id}`);
      if (view.state === state) return view;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`order ${f.id} stayed in ${view?.state}, expected ${state}`);
  }
});
