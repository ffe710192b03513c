import type { Kysely } from 'kysely';
import { ConfigError } from '../../config.ts';
import type { PiCipher } from '../../domain/ports/pi-cipher.ts';
import type { Database } from './schema.ts';

const KEY_CHECK_SETTING = 'pi_key_check';

/**
 * Instances sharing a database must share PI_ENCRYPTION_KEY: one started with another key would write personal
 * data the others cannot read (and fail to read theirs). The database keeps a keyed fingerprint of the key it was
 * first written with — an HMAC, which tells nothing about the key — and a process with a different key refuses
 * to start instead of corrupting data quietly.
 */
export async function checkPiKeyMatchesDatabase(db: Kysely<Database>, cipher: PiCipher, now: Date): Promise<void> {
  const fingerprint = cipher.blindIndex('pi-key-check', 'beian');
  await db
    .insertInto('platform_settings')
    .values({ key: KEY_CHECK_SETTING, value: JSON.stringify(fingerprint), updated_by: null, updated_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('platform_settings')
    .select('value')
    .where('key', '=', KEY_CHECK_SETTING)
    .executeTakeFirstOrThrow();
  if (row.value !== fingerprint) {
    throw new ConfigError(
      'PI_ENCRYPTION_KEY is not the key this database was written with. Every instance sharing a database must ' +
        'use the same key (set PI_ENCRYPTION_KEY to it; the development key lives in DATA_DIR/pi-encryption.key).',
    );
  }
}
