import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

// pg returns int8 (bigserial, count(*)) as string by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
// Keep DATE columns as 'YYYY-MM-DD' strings instead of local-midnight Date objects.
pg.types.setTypeParser(1082, (v) => v);

export type DbHandle = {
  db: Kysely<Database>;
  pool: pg.Pool;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
};

/**
 * One pg.Pool for both databases: PGlite through its node-postgres adapter (embedded default) or a real
 * PostgreSQL server. Everything above this file sees the same pool and the same Kysely dialect.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  pgliteDir?: string;
  onIdleError?: (error: Error) => void;
}): Promise<DbHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover, a forced DROP DATABASE) must not crash the
    // process: the pool discards it and the next query opens a new one.
    pool.on('error', (error) => options.onIdleError?.(error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, pool, kind: 'postgres', close: () => db.destroy() };
  }
  const dir = options.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  const pool = new pg.Pool(createPgConfig(pglite) as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
