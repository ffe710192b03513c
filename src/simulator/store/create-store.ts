import type { Kysely } from 'kysely';
import { migrateToLatest } from '../../adapters/db/migrate.ts';
import * as m0001 from './migrations/0001-simulator.ts';
import type { SimDb } from './schema.ts';

const SIMULATOR_MIGRATIONS = { '0001-simulator': m0001 };

/** Separate migration record so the simulator's tables evolve independently of the platform's. */
export const SIMULATOR_MIGRATION_TABLE = 'sim_migration';

/**
 * Runs the simulator migrations on the given database and returns it typed for the simulator tables.
 * A second call is a no-op, so the platform may call it on every start.
 */
export async function createSimulatorStore(db: Kysely<any>): Promise<SimDb> {
  await migrateToLatest(db, SIMULATOR_MIGRATIONS, SIMULATOR_MIGRATION_TABLE);
  return db as SimDb;
}
