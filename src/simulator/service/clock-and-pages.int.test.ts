import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/db/connect.ts';
import { createManualClock } from '../../domain/ports/clock.ts';
import { createSimulatorStore } from '../store/create-store.ts';
import { anIndividualSubject, aPerson, aSubmission, aWebsite } from '../test-builders.ts';
import { createTestDatabaseUrl } from '../test-support.ts';
import { createSimClock } from './sim-clock.ts';
import { startSimulatorService } from './start.ts';
import { auth, createTestService, TEST_API_KEY, TEST_CALLBACK_SECRET, type TestService } from './test-support.ts';

let t: TestService;
beforeAll(async () => {
  t = await createTestService();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const wang = aPerson('wang');
const idLast6 = wang.idNumber.slice(-6);
const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe('simulator clock', () => {
  it('advancing 25 h returns pending SMS orders; the platform clock does not move', async () => {
    const platformClock = createManualClock(new Date('2026-11-28T02:00:00Z'));
    const ref = await t.submitWithSms();
    const before = t.clock.now().getTime();
    const res = await t.app.inject({ method: 'POST', url: '/api/clock/advance', payload: { seconds: 25 * 3600 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ offsetMs: 25 * 3600_000, tick: { smsExpired: [ref] } });
    expect(t.clock.now().getTime() - before).toBe(25 * 3600_000);
    const status = await t.app.inject({ method: 'GET', url: `/api/gateway/orders/${ref}/status`, headers: auth });
    expect(status.json()).toMatchObject({ state: 'returned', cause: 'sms_timeout' });
    expect(platformClock.now().toISOString()).toBe('2026-11-28T02:00:00.000Z');
    expect(t.base.now().toISOString()).toBe('2026-11-28T02:00:00.000Z');
    const clock = await t.app.inject({ method: 'GET', url: '/api/clock' });
    expect(clock.json()).toMatchObject({ offsetMs: 25 * 3600_000, wallNow: '2026-11-28T02:00:00.000Z' });

    const bad = await t.app.inject({ method: 'POST', url: '/api/clock/advance', payload: { seconds: -5 } });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps the offset across a restart (a new clock over the same store)', async () => {
    await t.clock.advance(3_600_000);
    const reopened = await createSimClock(t.db, t.base);
    expect(reopened.offsetMs()).toBe(t.clock.offsetMs());
    expect(reopened.now().getTime()).toBe(t.clock.now().getTime());
    await expect(t.clock.advance(0)).rejects.toThrow(RangeError);
  });
});

describe('pages', () => {
  it('serves the index, SMS, outbox, console and clock pages in Chinese', async () => {
    const expectations: Record<string, string[]> = {
      '/': ['短信核验', '管局审核', '模拟时钟'],
      '/sms': ['短信核验', '手机号', '验证码', '证件号码后6位', '核验', '重新发送'],
      '/outbox': ['短信发件箱', '按手机号筛选', '暂无短信'],
      '/console': ['管局审核', '暂无待审核'],
      '/clock': ['模拟时钟', '模拟时间', '快进'],
    };
    for (const [url, labels] of Object.entries(expectations)) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      for (const label of labels) expect(res.body, `${url} ${label}`).toContain(label);
    }
  });

  it('verifies with the right code from the SMS page and shows the counters', async () => {
    const ref = await t.submitWithSms();
    const outbox = await t.app.inject({ method: 'GET', url: '/outbox' });
    expect(outbox.body).toContain(wang.mobile);
    expect(outbox.body).toContain(ref);
    expect(outbox.body).toContain('发送时间');

    const code = await t.latestCode(wang.mobile);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/sms/verify',
      ...form({ mobile: wang.mobile, code, idLast6: '000000' }),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('证件号码后6位不正确');
    expect(wrong.body).toContain('还可输入4次');
    expect(wrong.body).toContain('1 / 5');

    const resend = await t.app.inject({
      method: 'POST',
      url: '/sms/resend',
      ...form({ mobile: wang.mobile, idLast6 }),
    });
    expect(resend.statusCode).toBe(200);
    expect(resend.body).toContain('剩余重发次数 1');

    const ok = await t.app.inject({
      method: 'POST',
      url: '/sms/verify',
      ...form({ mobile: wang.mobile, code: await t.latestCode(wang.mobile), idLast6 }),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('核验成功');
    expect((await t.app.simulator.gateway.getStatus(ref)).state).toBe('admin_review');
  });

  it('lists orders in review; reject needs a reason; approve works', async () => {
    const [first, second] = [await submitDirect('console-a.cn'), await submitDirect('console-b.cn')];
    const list = await t.app.inject({ method: 'GET', url: '/console' });
    expect(list.body).toContain(first);
    expect(list.body).toContain('北京');
    expect(list.body).toContain('首次备案');
    expect(list.body).toContain(wang.name);

    const noReason = await t.app.inject({
      method: 'POST',
      url: `/console/orders/${first}/reject`,
      ...form({ reason: '   ' }),
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('驳回原因');
    expect((await t.app.simulator.gateway.getStatus(first)).state).toBe('admin_review');

    const reject = await t.app.inject({
      method: 'POST',
      url: `/console/orders/${first}/reject`,
      ...form({ reason: '网站名称不符合要求' }),
    });
    expect(reject.statusCode).toBe(303);
    expect(await t.app.simulator.gateway.getStatus(first)).toEqual({
      state: 'admin_rejected',
      reasons: [{ field: '', code: 'ADMIN_REJECTED', message: '网站名称不符合要求' }],
    });

    const approve = await t.app.inject({ method: 'POST', url: `/console/orders/${second}/approve` });
    expect(approve.statusCode).toBe(303);
    expect((await t.app.simulator.gateway.getStatus(second)).state).toBe('approved');
    const again = await t.app.inject({ method: 'POST', url: `/console/orders/${second}/approve` });
    expect(again.statusCode).toBe(409);
  });

  it('escapes hostile values', async () => {
    const hostile = '<script>alert("x")</script>';
    const ref = await submitDirect('escape-test.cn', hostile);
    const consolePage = await t.app.inject({ method: 'GET', url: '/console' });
    expect(consolePage.body).toContain(ref);
    expect(consolePage.body).not.toContain(hostile);
    expect(consolePage.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');

    const sms = await t.app.inject({
      method: 'GET',
      url: `/sms?mobile=${encodeURIComponent(`"><img src=x onerror=1>`)}`,
    });
    expect(sms.body).not.toContain('<img src=x');
    const reject = await t.app.inject({
      method: 'POST',
      url: `/console/orders/${encodeURIComponent('<b>x</b>')}/reject`,
      ...form({ reason: 'r' }),
    });
    expect(reject.statusCode).toBe(404);
    expect(reject.body).not.toContain('<b>x</b>');
  });
});

/** A first filing without SMS targets goes straight to the administration. */
async function submitDirect(domain: string, websiteName?: string): Promise<string> {
  const { regulatorRef } = await t.app.simulator.gateway.submit(
    aSubmission('first_filing', {
      subject: anIndividualSubject(wang),
      websites: [aWebsite(domain, wang, websiteName ? { name: websiteName } : {})],
    }),
  );
  const status = await t.app.simulator.gateway.getStatus(regulatorRef);
  if (status.state !== 'admin_review') throw new Error(`expected admin_review, got ${JSON.stringify(status)}`);
  return regulatorRef;
}

describe('startSimulatorService', () => {
  it('runs on its own store, keeps simulated time and SMS secret across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'beian-sim-'));
    const pg = await createTestDatabaseUrl();
    const base = createManualClock(new Date('2026-11-28T02:00:00Z'));
    const start = () =>
      startSimulatorService({
        port: 0,
        host: '127.0.0.1',
        dataDir,
        databaseUrl: pg?.url,
        apiKey: TEST_API_KEY,
        callbackSecret: TEST_CALLBACK_SECRET,
        seed: true,
        tickIntervalMs: 0,
        dispatchIntervalMs: 0,
        baseClock: base,
      });
    try {
      const first = await start();
      let ref: string;
      try {
        const res = await fetch(`${first.url}/api/gateway/domains/ready-to-file.cn`, { headers: auth });
        expect(await res.json()).toEqual({ filed: false });
        const page = await fetch(`${first.url}/sms`);
        expect(await page.text()).toContain('短信核验');
        ref = (
          await first.app.simulator.gateway.submit(
            aSubmission('first_filing', {
              subject: anIndividualSubject(wang),
              websites: [aWebsite('restart-test.cn', wang)],
              smsTargets: [
                { roles: [{ role: 'subject' }], name: wang.name, mobile: wang.mobile, idType: 'resident_id', idLast6 },
              ],
            }),
          )
        ).regulatorRef;
        await first.clock.advance(2 * 3600_000);
      } finally {
        await first.stop();
      }

      const second = await start();
      try {
        expect(second.clock.offsetMs()).toBe(2 * 3600_000);
        const [message] = await second.sim.readOutbox({ mobile: wang.mobile, limit: 1 });
        const code = /(\d{6})/.exec(message?.text ?? '')?.[1] ?? '';
        // The code sent before the restart still verifies: the SMS secret is persisted in the store.
        expect(await second.sim.verifySms({ mobile: wang.mobile, code, idLast6 })).toMatchObject({ orderRef: ref });
      } finally {
        await second.stop();
      }
    } finally {
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'uses its own schema beside an in-process simulator store in public of the same database',
    async () => {
      const pg = await createTestDatabaseUrl();
      if (!pg) return;
      const platform = await openDatabase({ databaseUrl: pg.url });
      try {
        await createSimulatorStore(platform.db);
        const service = await startSimulatorService({
          port: 0,
          host: '127.0.0.1',
          dataDir: tmpdir(),
          databaseUrl: pg.url,
          apiKey: TEST_API_KEY,
          callbackSecret: TEST_CALLBACK_SECRET,
          seed: true,
          tickIntervalMs: 0,
          dispatchIntervalMs: 0,
        });
        await service.stop();
        const { rows } = await platform.pool.query<{ schemaname: string; n: number }>(
          `SELECT schemaname, count(*)::int AS n FROM pg_tables WHERE tablename = 'sim_subject' GROUP BY schemaname ORDER BY 1`,
        );
        expect(rows).toEqual([
          { schemaname: 'public', n: 1 },
          { schemaname: 'simulator', n: 1 },
        ]);
        const seeded = await platform.pool.query('SELECT count(*)::int AS n FROM simulator.sim_subject');
        expect(seeded.rows[0].n).toBeGreaterThan(0);
        const publicRows = await platform.pool.query('SELECT count(*)::int AS n FROM public.sim_subject');
        expect(publicRows.rows[0].n).toBe(0);
      } finally {
        await platform.close();
        await pg.drop();
      }
    },
  );
});
