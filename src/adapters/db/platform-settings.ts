import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** A run-time switch: its stored value, or the configured default when staff never changed it. */
export async function readSetting<T>(db: Kysely<Database>, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('platform_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (row.value as T) : fallback;
}

export async function writeSetting(
  db: Kysely<Database>,
  input: { key: string; value: unknown; by: string; now: Date },
): Promise<void> {
  const value = JSON.stringify(input.value);
  await db
    .insertInto('platform_settings')
    .values({ key: input.key, value, updated_by: input.by, updated_at: input.now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: input.by, updated_at: input.now }))
    .execute();
}
