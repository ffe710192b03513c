import type { Kysely } from 'kysely';
import type { OrderData } from '../../contracts/filing-data.ts';
import type { PiCipher } from '../../domain/ports/pi-cipher.ts';
import { normalizeSubjectName } from './records-repo.ts';
import type { Database } from './schema.ts';

/**
 * What the back office's queue search finds an order by, stored without plaintext personal data (migration
 * 0012): the sponsor's name as a keyed HMAC blind index (exact match only; a person's name is personal data) and
 * the domains normalised (public facts) for a prefix match. Written whenever the order's data is written.
 */
export const QUEUE_NAME_INDEX_PURPOSE = 'queue-subject-name';

export const queueNameIndex = (cipher: PiCipher, name: string): string =>
  cipher.blindIndex(QUEUE_NAME_INDEX_PURPOSE, normalizeSubjectName(name));

/** One spelling per domain: NFKC (full-width letters), lower case, no blanks or final dot. */
export const normalizeDomain = (domain: string): string =>
  domain.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '').replace(/\.$/, '');

export async function writeOrderSearchTerms(
  trx: Kysely<Database>,
  cipher: PiCipher,
  orderId: string,
  data: Pick<OrderData, 'subject' | 'websites'>,
): Promise<void> {
  const name = data.subject?.sponsorName?.trim();
  const domains = [
    ...new Set((data.websites ?? []).flatMap((w) => (w.domain ? [normalizeDomain(w.domain)] : []))),
  ].filter((d) => d.length > 0);
  await trx
    .updateTable('filing_orders')
    .set({ subject_name_bidx: name ? queueNameIndex(cipher, name) : null, search_indexed: true })
    .where('id', '=', orderId)
    .execute();
  await trx.deleteFrom('order_domains').where('order_id', '=', orderId).execute();
  if (domains.length > 0) {
    await trx
      .insertInto('order_domains')
      .values(domains.map((domain) => ({ order_id: orderId, domain })))
      .execute();
  }
}

const BACKFILL_BATCH = 500;

/** Rows written before migration 0012 (migrations hold no key): a no-op, one index probe, once all are done. */
export async function backfillOrderSearchTerms(db: Kysely<Database>, cipher: PiCipher): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db
      .selectFrom('filing_orders')
      .select(['id', 'data_enc'])
      .where('search_indexed', '=', false)
      .limit(BACKFILL_BATCH)
      .execute();
    for (const r of rows) {
      await db
        .transaction()
        .execute((trx) => writeOrderSearchTerms(trx, cipher, r.id, cipher.decryptJson<OrderData>(r.data_enc)));
    }
    done += rows.length;
    if (rows.length < BACKFILL_BATCH) return done;
  }
}
