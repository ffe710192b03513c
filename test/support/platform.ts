import type { FastifyInstance } from 'fastify';
import { createEncryptedObjectStore } from '../../src/adapters/storage/object-store.encrypted.ts';
import { createMemoryObjectStore } from '../../src/adapters/storage/object-store.memory.ts';
import { buildApp } from '../../src/http/app.ts';
import { publicSimulatorRoutes } from '../../src/http/plugins/public-simulator.ts';
import {
  createInProcessRegulator,
  createSimulatorStore,
  type InProcessRegulator,
} from '../../src/simulator/in-process-gateway.ts';
import { runWorkerOnce } from '../../src/worker/worker.ts';
import { createTestContext, type TestContext, type TestContextOptions } from './test-context.ts';

export type TestPlatform = TestContext & {
  app: FastifyInstance;
  regulator: InProcessRegulator;
  /** Runs background passes (simulator tick, deadlines, outbox, regulator poll) until nothing is left to do. */
  settle: () => Promise<void>;
};

/**
 * The whole platform on a test database: real routes, real use cases, the in-process regulator simulator on the
 * same manual clock, images encrypted into an in-memory store. Background work runs only when a test settles.
 */
export async function createTestPlatform(
  opts: Omit<TestContextOptions, 'storage' | 'regulator'> = {},
): Promise<TestPlatform> {
  const base = await createTestContext(opts);
  await createSimulatorStore(base.ctx.db);
  const regulator = createInProcessRegulator({ db: base.ctx.db, clock: base.clock });
  base.ctx.storage = createEncryptedObjectStore(createMemoryObjectStore(), base.ctx.cipher);
  base.ctx.regulator = regulator.gateway;
  const app = await buildApp({
    ctx: base.ctx,
    extraPlugins: [{ plugin: publicSimulatorRoutes, prefix: '/sim', options: { sim: regulator.sim } }],
  });
  const settle = async () => {
    for (let i = 0; i < 3; i++)
      await runWorkerOnce(base.ctx, { beforeTick: async () => void (await regulator.sim.tick()) });
  };
  return {
    ...base,
    app,
    regulator,
    settle,
    close: async () => {
      await app.close();
      await base.close();
    },
  };
}
