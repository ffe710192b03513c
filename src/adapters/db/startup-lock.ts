import type { DbHandle } from './connect.ts';

/** Any constant works; it only has to be the same in every instance of the platform sharing a database. */
const STARTUP_LOCK_KEY = 7_236_014_902;

/**
 * Runs `fn` while holding a PostgreSQL session advisory lock, so instances starting at the same moment take turns
 * at the start-up work (migrations, backfills, the demo seed) instead of racing: the second one finds the work
 * done. PGlite has one process and one connection, so there is nobody to wait for (and holding its only
 * connection here would deadlock `fn`).
 */
export async function withStartupLock<T>(handle: Pick<DbHandle, 'kind' | 'pool'>, fn: () => Promise<T>): Promise<T> {
  if (handle.kind !== 'postgres') return fn();
  const client = await handle.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
