import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
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
  /** PGlite: which prepared data directory an empty `pgliteDir` starts from (see prepareDataDir). */
  template?: 'platform' | 'simulator';
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
  if (!dir.startsWith('memory://')) prepareDataDir(dir, templateFor(dir, options.template));
  const pglite = await PGlite.create(dir, { ...(await sharedArtifacts()), startParams: PGLITE_START_PARAMS });
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

/**
 * PostgreSQL's default shared_buffers (128 MB, written by initdb into postgresql.conf) is set up in WebAssembly
 * memory at every boot: 100–150 ms of CPU per PGlite, twice per process (platform and simulator). The embedded
 * databases' working set is a few MB, and a buffer miss is a read from the OS page cache (PGlite's NodeFS), so
 * 16 MB is plenty and keeps about 100 MB less memory per instance. A start parameter, not the template's
 * postgresql.conf, so that data directories created before this apply it too.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * `npm run build` prepares one template per store under BEIAN_PGLITE_TEMPLATES (set by bin/beian.js). Without an
 * explicit choice the simulator's data directory is recognised by its name (simulator/service/start.ts).
 */
function templateFor(dir: string, template: 'platform' | 'simulator' | undefined): string | undefined {
  const root = process.env.BEIAN_PGLITE_TEMPLATES;
  if (!root) return undefined;
  return join(root, template ?? (basename(dir) === 'simulator-pglite' ? 'simulator' : 'platform'));
}

/**
 * A first start would spend most of its time in initdb (tens of seconds of WebAssembly on a busy 2-core box).
 * `npm run build` leaves initialised, migrated data directories; an empty `dir` gets a copy of one instead.
 * The copy goes to a sibling and is renamed into place, so a crash mid-copy leaves no half directory.
 */
export function prepareDataDir(dir: string, template: string | undefined): void {
  const initialised = existsSync(join(dir, 'PG_VERSION'));
  if (initialised || !template || !existsSync(join(template, 'PG_VERSION'))) {
    mkdirSync(dir, { recursive: true });
    return;
  }
  if (existsSync(dir) && readdirSync(dir).length > 0) return; // someone else's files: let PGlite decide
  const tmp = `${dir}.template-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  cpSync(template, tmp, { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
}

/**
 * The platform and the simulator each open a PGlite: compile its WebAssembly and read its file bundle once per
 * process, not once per instance.
 */
let artifacts: Promise<Partial<PGliteOptions>> | undefined;
function sharedArtifacts(): Promise<Partial<PGliteOptions>> {
  artifacts ??= (async () => {
    try {
      const require = createRequire(import.meta.url);
      const file = (name: string) => readFile(require.resolve(`@electric-sql/pglite/${name}`));
      const [pglite, initdb, bundle] = await Promise.all([
        file('pglite.wasm'),
        file('initdb.wasm'),
        file('pglite.data'),
      ]);
      // The project's lib (no DOM) types WebAssembly's namespace but not its functions.
      const wasm = (globalThis as unknown as { WebAssembly: { compile(b: Uint8Array): Promise<WebAssembly.Module> } })
        .WebAssembly;
      const [pgliteWasmModule, initdbWasmModule] = await Promise.all([wasm.compile(pglite), wasm.compile(initdb)]);
      return { pgliteWasmModule, initdbWasmModule, fsBundle: new Blob([bundle]) };
    } catch {
      return {}; // PGlite finds its own files
    }
  })();
  return artifacts;
}
