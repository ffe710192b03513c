import type { Kysely } from 'kysely';
import type { SmsSender } from '../../domain/notifications/ports.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { PiCipher } from '../../domain/ports/pi-cipher.ts';
import type { Database } from '../db/schema.ts';

/**
 * Development SMS "provider": the text lands in `dev_sms_outbox`, which stands in for the phone (admins read it
 * at GET /api/v1/admin/dev/sms-outbox). Like a real provider it ignores a repeated idempotency key. The number
 * is stored encrypted, so the dev database holds no plaintext phone either.
 */
export function createOutboxSmsSender(db: Kysely<Database>, cipher: PiCipher, clock: Clock): SmsSender {
  return {
    async send({ to, text, idempotencyKey }) {
      await db
        .insertInto('dev_sms_outbox')
        .values({
          id: crypto.randomUUID(),
          to_enc: cipher.encryptJson(to),
          text,
          idempotency_key: idempotencyKey,
          created_at: clock.now(),
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
    },
  };
}

export type DevSmsItem = { id: string; to: string; text: string; idempotencyKey: string; createdAt: Date };

/** Newest first; decrypted, because showing what the phone received is the point of the dev outbox. */
export async function listDevSmsOutbox(db: Kysely<Database>, cipher: PiCipher, limit = 100): Promise<DevSmsItem[]> {
  const rows = await db.selectFrom('dev_sms_outbox').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    to: cipher.decryptJson<string>(r.to_enc),
    text: r.text,
    idempotencyKey: r.idempotency_key,
    createdAt: r.created_at,
  }));
}
