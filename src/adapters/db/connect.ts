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

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;

/**
 * One pg.Pool for both databases: PGlite through its node-postgres adapter (embedded default) or a real
 * PostgreSQL server. Everything above this file sees the same pool and the same Kysely dialect.
 *
 * `schema` (PostgreSQL only): creates the schema if needed and makes it the only entry of every connection's
 * search_path, so a second service (the regulator simulator) can share a server or even a database with the
 * platform without sharing tables. PGlite ignores it: a separate service uses a separate data directory instead.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  pgliteDir?: string;
  schema?: string;
  onIdleError?: (error: Error) => void;
}): Promise<DbHandle> {
  if (options.databaseUrl) {
    const { schema } = options;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`);
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(schema && { options: `-c search_path=${schema}` }),
    });
    // An idle connection dropped by the server (restart, failover, a forced DROP DATABASE) must not crash the
    // process: the pool discards it and the next query opens a new one.
    pool.on('error', (error) => options.onIdleError?.(error));
    if (schema) {
      try {
        await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      } catch (error) {
        // Two processes creating the same schema at once: the loser sees a unique violation; the schema exists.
        if ((error as { code?: string }).code !== '23505') {
          await pool.end();
          throw error;
        }
      }
    }
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
