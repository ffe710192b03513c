import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyServerOptions } from 'fastify';
import { openDatabase } from '../../adapters/db/connect.ts';
import { type Clock, systemClock } from '../../domain/ports/clock.ts';
import type { SimulatorApi, SimulatorOptions } from '../in-process-gateway.ts';
import { seedSimulator } from '../seed.ts';
import { createSimulatorStore } from '../store/create-store.ts';
import type { SimDb } from '../store/schema.ts';
import { buildSimulatorApp, type SimulatorApp } from './app.ts';
import { createSimClock, type SimClock } from './sim-clock.ts';

/** The PostgreSQL schema of the standalone simulator (DATABASE_URL mode). */
export const SIMULATOR_SCHEMA = 'simulator';

export type SimulatorServiceOptions = {
  port: number;
  host: string;
  /** PGlite lives in `<dataDir>/simulator-pglite` unless databaseUrl is set. */
  dataDir: string;
  /** PostgreSQL; the simulator then keeps its tables in the `simulator` schema. */
  databaseUrl?: string;
  apiKey: string;
  callbackUrl?: string;
  callbackSecret: string;
  /** Fill the national records with demo data when the store is empty. */
  seed: boolean;
  tickIntervalMs?: number;
  dispatchIntervalMs?: number;
  logger?: FastifyServerOptions['logger'];
  /** Core options; smsSecret defaults to the persisted one. */
  simulatorOptions?: SimulatorOptions;
  /** Base of the simulator clock (tests). Default the system clock. */
  baseClock?: Clock;
};

export type SimulatorService = {
  app: SimulatorApp;
  url: string;
  sim: SimulatorApi;
  clock: SimClock;
  stop: () => Promise<void>;
};

/**
 * Starts the regulator simulator as its own service with its own store. The SMS secret (the HMAC key of stored
 * codes) is a random value persisted in `sim_setting` on first start, so pending codes stay valid across restarts
 * and rotating the callback secret does not invalidate them.
 */
export async function startSimulatorService(opts: SimulatorServiceOptions): Promise<SimulatorService> {
  const handle = await openDatabase(
    opts.databaseUrl
      ? { databaseUrl: opts.databaseUrl, schema: SIMULATOR_SCHEMA }
      : { pgliteDir: join(opts.dataDir, 'simulator-pglite') },
  );
  try {
    const db = await createSimulatorStore(handle.db, opts.databaseUrl ? { schema: SIMULATOR_SCHEMA } : {});
    const baseClock = opts.baseClock ?? systemClock;
    const clock = await createSimClock(db, baseClock);
    const smsSecret = opts.simulatorOptions?.smsSecret ?? (await persistedSetting(db, 'sms_secret', baseClock));
    const app = await buildSimulatorApp({
      db,
      clock,
      apiKey: opts.apiKey,
      callback: { url: opts.callbackUrl, secret: opts.callbackSecret },
      options: { ...opts.simulatorOptions, smsSecret },
      logger: opts.logger,
      tickIntervalMs: opts.tickIntervalMs,
      dispatchIntervalMs: opts.dispatchIntervalMs,
    });
    if (opts.seed) await seedSimulator({ db, clock });
    const address = await app.listen({ port: opts.port, host: opts.host });
    let stopped: Promise<void> | null = null;
    return {
      app,
      url: address,
      sim: app.simulator.sim,
      clock,
      stop: () => {
        stopped ??= (async () => {
          try {
            await app.close();
          } finally {
            await handle.close();
          }
        })();
        return stopped;
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A random secret created once per store; concurrent first starts agree on the winner's value. */
async function persistedSetting(db: SimDb, key: string, clock: Clock): Promise<string> {
  await db
    .insertInto('sim_setting')
    .values({ key, value: randomBytes(32).toString('hex'), updated_at: clock.now() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('sim_setting').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}
