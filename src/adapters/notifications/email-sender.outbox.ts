import type { Kysely } from 'kysely';
import type { EmailSender } from '../../domain/notifications/ports.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { PiCipher } from '../../domain/ports/pi-cipher.ts';
import type { Database } from '../db/schema.ts';

/**
 * Development mail "transport": messages land in `dev_email_outbox`, which stands in for the mailbox (admins
 * read it at GET /api/v1/admin/dev/email-outbox). A repeated idempotency key is ignored, as a mail client
 * collapses a repeated Message-ID. The address is stored encrypted.
 */
export function createOutboxEmailSender(db: Kysely<Database>, cipher: PiCipher, clock: Clock): EmailSender {
  return {
    async send({ to, subject, text, idempotencyKey }) {
      await db
        .insertInto('dev_email_outbox')
        .values({
          id: crypto.randomUUID(),
          to_enc: cipher.encryptJson(to),
          subject,
          text,
          idempotency_key: idempotencyKey,
          created_at: clock.now(),
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
    },
  };
}

export type DevEmailItem = {
  id: string;
  to: string;
  subject: string;
  text: string;
  idempotencyKey: string;
  createdAt: Date;
};

/** Newest first; decrypted, because showing what the mailbox received is the point of the dev outbox. */
export async function listDevEmailOutbox(db: Kysely<Database>, cipher: PiCipher, limit = 100): Promise<DevEmailItem[]> {
  const rows = await db.selectFrom('dev_email_outbox').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    to: cipher.decryptJson<string>(r.to_enc),
    subject: r.subject,
    text: r.text,
    idempotencyKey: r.idempotency_key,
    createdAt: r.created_at,
  }));
}
