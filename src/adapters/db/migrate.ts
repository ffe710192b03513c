import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001-initial.ts';
import * as m0002 from './migrations/0002-notifications.ts';
import * as m0003 from './migrations/0003-scale-indexes.ts';
import * as m0004 from './migrations/0004-subject-name-index.ts';
import * as m0005 from './migrations/0005-idempotency-lease.ts';
import * as m0006 from './migrations/0006-login-throttle.ts';
import * as m0007 from './migrations/0007-verify-links.ts';

const PLATFORM_MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-notifications': m0002,
  '0003-scale-indexes': m0003,
  '0004-subject-name-index': m0004,
  '0005-idempotency-lease': m0005,
  '0006-login-throttle': m0006,
  '0007-verify-links': m0007,
};

const staticProvider = (migrations: Record<string, Migration>): MigrationProvider => ({
  getMigrations: async () => migrations,
});

/** Applies pending migrations; a second run is a no-op. Fails loudly on the first error. */
export async function migrateToLatest(
  db: Kysely<any>,
  migrations: Record<string, Migration> = PLATFORM_MIGRATIONS,
  tableName = 'kysely_migration',
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: staticProvider(migrations),
    migrationTableName: tableName,
    migrationLockTableName: `${tableName}_lock`,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
