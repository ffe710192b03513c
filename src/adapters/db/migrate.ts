import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import * as m0001 from './migrations/0001-initial.ts';
import * as m0002 from './migrations/0002-notifications.ts';
import * as m0003 from './migrations/0003-scale-indexes.ts';
import * as m0004 from './migrations/0004-subject-name-index.ts';
import * as m0005 from './migrations/0005-idempotency-lease.ts';
import * as m0006 from './migrations/0006-login-throttle.ts';
import * as m0007 from './migrations/0007-verify-links.ts';
import * as m0008 from './migrations/0008-order-submissions.ts';
import * as m0009 from './migrations/0009-staff-claims.ts';
import * as m0010 from './migrations/0010-staff-totp.ts';
import * as m0011 from './migrations/0011-forwarding.ts';
import * as m0012 from './migrations/0012-review-queues.ts';
import * as m0013 from './migrations/0013-audit-search-indexes.ts';
import * as m0014 from './migrations/0014-operations.ts';
import * as m0015 from './migrations/0015-external-sign-in.ts';
import * as m0016 from './migrations/0016-provider-data.ts';
import * as m0017 from './migrations/0017-integrations.ts';
import * as m0018 from './migrations/0018-working-calendar.ts';
import * as m0019 from './migrations/0019-material-removal.ts';

const PLATFORM_MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-notifications': m0002,
  '0003-scale-indexes': m0003,
  '0004-subject-name-index': m0004,
  '0005-idempotency-lease': m0005,
  '0006-login-throttle': m0006,
  '0007-verify-links': m0007,
  '0008-order-submissions': m0008,
  '0009-staff-claims': m0009,
  '0010-staff-totp': m0010,
  '0011-forwarding': m0011,
  '0012-review-queues': m0012,
  '0013-audit-search-indexes': m0013,
  '0014-operations': m0014,
  '0015-external-sign-in': m0015,
  '0016-provider-data': m0016,
  '0017-integrations': m0017,
  '0018-working-calendar': m0018,
  '0019-material-removal': m0019,
};

const staticProvider = (migrations: Record<string, Migration>): MigrationProvider => ({
  getMigrations: async () => migrations,
});

/**
 * Applies pending migrations; a second run is a no-op. Fails loudly on the first error.
 *
 * `schema`: where the bookkeeping tables live, when the connection's search_path names one schema (a service
 * sharing a PostgreSQL database). Kysely's migrator looks for its table in every schema unless told which one.
 */
export async function migrateToLatest(
  db: Kysely<any>,
  migrations: Record<string, Migration> = PLATFORM_MIGRATIONS,
  tableName = 'kysely_migration',
  schema?: string,
): Promise<string[]> {
  if (await allApplied(db, Object.keys(migrations), schema ? `${schema}.${tableName}` : tableName)) return [];
  const migrator = new Migrator({
    db,
    provider: staticProvider(migrations),
    migrationTableName: tableName,
    migrationLockTableName: `${tableName}_lock`,
    ...(schema && { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * The usual start: every migration is recorded and nothing else is. One query answers that; the migrator's
 * round (table introspection, lock table, a transaction holding the lock) costs about 100 ms per store on a
 * freshly booted PGlite, twice per start. A migration row is only visible once its migration has committed.
 * Anything else (no table yet, a migration pending, one recorded that this build does not know) goes to the
 * migrator, which applies or reports exactly as before.
 */
async function allApplied(db: Kysely<any>, names: string[], table: string): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`SELECT name FROM ${sql.table(table)}`.execute(db);
    const recorded = new Set(rows.map((r) => r.name));
    return recorded.size === names.length && names.every((n) => recorded.has(n));
  } catch {
    return false; // most likely no table yet; anything worse, the migrator reports
  }
}
