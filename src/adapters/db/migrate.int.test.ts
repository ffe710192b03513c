import { type Kysely, type Migration, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../simulator/test-support.ts';
import { migrateToLatest } from './migrate.ts';

const table = (name: string): Migration => ({
  up: async (db) => {
    await db.schema.createTable(name).addColumn('id', 'integer').execute();
  },
});

let db: Kysely<any>;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});
afterAll(() => close());

describe('migrateToLatest', () => {
  it('applies what is pending, then finds everything recorded and applies nothing', async () => {
    expect(await migrateToLatest(db, { '0001-a': table('mig_a') }, 'mig_test')).toEqual(['0001-a']);
    expect(await migrateToLatest(db, { '0001-a': table('mig_a') }, 'mig_test')).toEqual([]);
    // A new migration is not hidden by the recorded ones.
    const both = { '0001-a': table('mig_a'), '0002-b': table('mig_b') };
    expect(await migrateToLatest(db, both, 'mig_test')).toEqual(['0002-b']);
    expect(await migrateToLatest(db, both, 'mig_test')).toEqual([]);
  });

  it('answers "nothing pending" from the migration table alone, without the migrator and its lock table', async () => {
    await migrateToLatest(db, { '0001-f': table('mig_f') }, 'mig_quick');
    await sql`DROP TABLE mig_quick_lock`.execute(db);
    expect(await migrateToLatest(db, { '0001-f': table('mig_f') }, 'mig_quick')).toEqual([]);
    const lock = await sql<{ t: string | null }>`SELECT to_regclass('mig_quick_lock')::text AS t`.execute(db);
    expect(lock.rows[0]?.t).toBeNull();
  });

  it('still refuses a store that recorded a migration this build does not know', async () => {
    await migrateToLatest(db, { '0001-c': table('mig_c'), '0002-d': table('mig_d') }, 'mig_newer');
    await expect(migrateToLatest(db, { '0001-c': table('mig_c') }, 'mig_newer')).rejects.toThrow(/corrupted/i);
  });

  it('keeps its bookkeeping in the given schema', async () => {
    await sql`CREATE SCHEMA IF NOT EXISTS mig_schema`.execute(db);
    const migrations = { '0001-e': table('mig_e') };
    expect(await migrateToLatest(db, migrations, 'mig_in_schema', 'mig_schema')).toEqual(['0001-e']);
    expect(await migrateToLatest(db, migrations, 'mig_in_schema', 'mig_schema')).toEqual([]);
    const { rows } = await sql<{ name: string }>`SELECT name FROM mig_schema.mig_in_schema`.execute(db);
    expect(rows.map((r) => r.name)).toEqual(['0001-e']);
  });
});
