import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { OrderView } from '../src/contracts/order-api.ts';
import { createManualClock } from '../src/domain/ports/clock.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { createTestDatabaseUrl } from '../src/simulator/test-support.ts';
import { runWorkerOnce } from '../src/worker/worker.ts';
import { individualSubject, person, uniqueDomain, website } from './support/filing-data.ts';
import { loginAs, relogin } from './support/http.ts';
import { api, completeAndSubmit, getOrder, newApplicant, passProviderStages, regulatorRef } from './support/journey.ts';
import type { TestPlatform } from './support/platform.ts';
import { freePort } from './support/ports.ts';

/**
 * Both services — the platform and the regulator simulator — are stopped in the middle of an order and started
 * again on the same data; the order then finishes as if nothing happened (issue: nothing lost on restart).
 */
const dataDir = mkdtempSync(join(tmpdir(), 'beian-restart-'));
let dropDatabase: (() => Promise<void>) | undefined;
afterAll(async () => {
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

async function environment() {
  const pg = process.env.DATABASE_URL ? await createTestDatabaseUrl() : null;
  dropDatabase = pg?.drop;
  const [port, simPort] = [await freePort(), await freePort()];
  return {
    NODE_ENV: 'test',
    // Staff sign in with the password alone here; the second factor has its own tests.
    STAFF_TOTP_REQUIRED: 'false',
    DATA_DIR: dataDir,
    PORT: String(port),
    SIM_PORT: String(simPort),
    SIM_ENABLED: 'true',
    PI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    PUBLIC_LOOKUP_CACHE_SECONDS: '0',
    WORKER_INTERVAL_MS: '60000',
    ...(pg && { DATABASE_URL: pg.url }),
  };
}

/** Journey helpers need a TestPlatform; this wraps a real running server pair. */
function asPlatform(server: RunningServer): TestPlatform {
  const simulator = server.simulator!;
  return {
    app: server.app,
    ctx: server.composition.ctx,
    clock: createManualClock(new Date()),
    regulator: { sim: simulator.sim },
    settle: async () => {
      for (let i = 0; i < 3; i++) {
        await simulator.sim.tick();
        await simulator.app.simulator.callbacks.dispatchCallbacks();
        await runWorkerOnce(server.composition.ctx);
      }
    },
    close: server.stop,
  };
}

describe('restart of both services mid-order', () => {
  it('an order waiting for SMS verification survives stopping and starting both services', async () => {
    const env = await environment();
    const first = await startServer(loadConfig(env), { quiet: true });
    const p1 = asPlatform(first);
    const reviewer = await loginAs(p1.app, p1.ctx, 'reviewer');
    const a = await newApplicant(p1);
    const domain = uniqueDomain('restart');
    const order = await api<OrderView>(
      p1,
      a,
      'POST',
      '/api/v1/applicant/orders',
      { kind: 'new', domain, subjectAlreadyFiled: false },
      201,
    );
    const rp = person({ name: '吴十' });
    const { code, ip } = await a.code();
    await completeAndSubmit(p1, a, order.id, {
      subject: individualSubject(rp),
      websites: [website(domain, code, ip, rp)],
    });
    expect((await passProviderStages(p1, a, reviewer, order.id)).state).toBe('pending_sms_verification');
    const ref = await regulatorRef(p1, order.id);
    const [message] = await first.simulator!.sim.readOutbox({ mobile: rp.mobile, limit: 1 });
    const smsCode = /核验码为 (\d{6})/.exec(message!.text)![1]!;
    await first.stop();

    const second = await startServer(loadConfig(env), { quiet: true });
    const p2 = asPlatform(second);
    // The code sent before the restart still verifies: the simulator kept its store and its SMS secret.
    await second.simulator!.sim.verifySms({ mobile: rp.mobile, code: smsCode, idLast6: rp.idNumber.slice(-6) });
    await p2.settle();
    const a2 = await relogin(p2.app, p2.ctx, a);
    expect((await getOrder(p2, a2, order.id)).state).toBe('pending_admin_review');
    await second.simulator!.sim.decideOrder(ref, { decision: 'approve' });
    await p2.settle();
    const done = await getOrder(p2, a2, order.id);
    expect(done.state).toBe('approved');
    expect(done.numbers?.subjectNumber).toMatch(/^京ICP备\d{10}号$/);
    // Exactly one order at the regulator for this submission: nothing was sent twice.
    const atRegulator = (await second.simulator!.sim.listOrders({})).filter((o) => o.orderId === order.id);
    expect(atRegulator).toHaveLength(1);
    await second.stop();
  });
});
