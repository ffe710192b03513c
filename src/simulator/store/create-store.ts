import type { Kysely, Migration } from 'kysely';
import { migrateToLatest } from '../../adapters/db/migrate.ts';
import * as m0001 from './migrations/0001-simulator.ts';
import * as m0002 from './migrations/0002-service.ts';
import type { SimDb } from './schema.ts';

const SIMULATOR_MIGRATIONS: Record<string, Migration> = { '0001-simulator': m0001, '0002-service': m0002 };

/** Separate migration record so the simulator's tables evolve independently of the platform's. */
export const SIMULATOR_MIGRATION_TABLE = 'sim_migration';

/**
 * Runs the simulator migrations on the given database and returns it typed for the simulator tables.
 * A second call is a no-op, so the platform may call it on every start.
 *
 * `schema`: the PostgreSQL schema the connection's search_path points at (the standalone service). Kysely's
 * migrator looks for its bookkeeping table in every schema unless told which one, so without it an in-process
 * simulator's `sim_migration` in `public` of the same database would make the service skip its own migrations.
 */
export async function createSimulatorStore(db: Kysely<any>, options: { schema?: string } = {}): Promise<SimDb> {
  await migrateToLatest(db, SIMULATOR_MIGRATIONS, SIMULATOR_MIGRATION_TABLE, options.schema);
  return db as SimDb;
}
