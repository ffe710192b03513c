import type { FastifyInstance } from 'fastify';
import { createHttpRegulatorGateway } from '../../src/adapters/regulator/regulator-gateway.http.ts';
import { createEncryptedObjectStore } from '../../src/adapters/storage/object-store.encrypted.ts';
import { createMemoryObjectStore } from '../../src/adapters/storage/object-store.memory.ts';
import { CALLBACK_PATH } from '../../src/contracts/regulator-protocol.ts';
import { buildApp } from '../../src/http/app.ts';
import { publicSimulatorRoutes } from '../../src/http/plugins/public-simulator.ts';
import {
  createInProcessRegulator,
  createSimulatorStore,
  type SimulatorApi,
} from '../../src/simulator/in-process-gateway.ts';
import { buildSimulatorApp, type SimulatorApp } from '../../src/simulator/service/app.ts';
import { createSimClock, type SimClock } from '../../src/simulator/service/sim-clock.ts';
import { openTestDatabase } from '../../src/simulator/test-support.ts';
import { runWorkerOnce } from '../../src/worker/worker.ts';
import { createTestContext, type TestContext, type TestContextOptions } from './test-context.ts';

export type TestPlatform = TestContext & {
  app: FastifyInstance;
  /** The regulator simulator's controls (what testers do in MIIT's and the 管局's place). */
  regulator: { sim: SimulatorApi };
  /** Only in 'http' mode: the simulator service (its own app, database and clock) the platform calls over HTTP. */
  service?: { app: SimulatorApp; url: string; clock: SimClock };
  /** Runs background passes on both sides until nothing is left to do (ticks, callbacks, deadlines, polling). */
  settle: () => Promise<void>;
};

export type TestPlatformOptions = Omit<TestContextOptions, 'storage' | 'regulator'> & {
  /**
   * 'http' (default): the platform reaches the simulator service through its real HTTP gateway adapter and gets
   * signed callbacks back, both over real sockets. 'in_process': the simulator runs inside the platform (the fast
   * fake for unit-level tests).
   */
  regulator?: 'http' | 'in_process';
};

export async function createTestPlatform(opts: TestPlatformOptions = {}): Promise<TestPlatform> {
  const { regulator: mode = 'http', ...contextOptions } = opts;
  const base = await createTestContext(contextOptions);
  base.ctx.storage = createEncryptedObjectStore(createMemoryObjectStore(), base.ctx.cipher);
  return mode === 'http' ? withSimulatorService(base) : withInProcessSimulator(base);
}

async function withInProcessSimulator(base: TestContext): Promise<TestPlatform> {
  await createSimulatorStore(base.ctx.db);
  const regulator = createInProcessRegulator({ db: base.ctx.db, clock: base.clock });
  base.ctx.regulator = regulator.gateway;
  const app = await buildApp({
    ctx: base.ctx,
    extraPlugins: [{ plugin: publicSimulatorRoutes, prefix: '/sim', options: { sim: regulator.sim } }],
  });
  const settle = async () => {
    for (let i = 0; i < 3; i++)
      await runWorkerOnce(base.ctx, { beforeTick: async () => void (await regulator.sim.tick()) });
  };
  const close = async () => {
    await app.close();
    await base.close();
  };
  return { ...base, app, regulator, settle, close };
}

async function withSimulatorService(base: TestContext): Promise<TestPlatform> {
  // The platform listens first: the simulator must know where to send its callbacks.
  const app = await buildApp({ ctx: base.ctx });
  const platformUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const simDatabase = await openTestDatabase();
  const simDb = await createSimulatorStore(simDatabase.db);
  // The simulator's clock is its own offset over the test clock: advancing the test clock moves both worlds,
  // advancing the simulator's clock moves only MIIT's.
  const simClock = await createSimClock(simDb, base.clock);
  const simApp = await buildSimulatorApp({
    db: simDb,
    clock: simClock,
    apiKey: base.ctx.config.REGULATOR_API_KEY,
    callback: { url: `${platformUrl}${CALLBACK_PATH}`, secret: base.ctx.config.REGULATOR_CALLBACK_SECRET },
    options: { smsSecret: 'test-sms-secret' },
    tickIntervalMs: 0,
    dispatchIntervalMs: 0,
    wallClock: base.clock,
  });
  const simUrl = await simApp.listen({ port: 0, host: '127.0.0.1' });
  base.ctx.regulator = createHttpRegulatorGateway({
    baseUrl: simUrl,
    apiKey: base.ctx.config.REGULATOR_API_KEY,
    timeoutMs: 10_000,
  });
  const { sim, callbacks } = simApp.simulator;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await sim.tick();
      await callbacks.dispatchCallbacks();
      await runWorkerOnce(base.ctx);
    }
  };
  return {
    ...base,
    app,
    regulator: { sim },
    service: { app: simApp, url: simUrl, clock: simClock },
    settle,
    close: async () => {
      await app.close();
      await simApp.close();
      await simDatabase.close();
      await base.close();
    },
  };
}
