import { type Kysely, sql } from 'kysely';

/**
 * The back office's queues (issue 8 item 1):
 * - `filing_orders.sla_due_at`: when the provider's review of the order is due (set on entering 初审 or the
 *   authenticity review, in Chinese working days; cleared on leaving them). The SLA queues are read in due order
 *   and paged by keyset over (sla_due_at, id), per state; the follow-up queues (SMS, returned, with the 管局) over
 *   (last_activity_at, id).
 * - search without plaintext personal data: `subject_name_bidx` is the keyed HMAC blind index of the sponsor's
 *   normalised name (exact match only); `order_domains` holds the order's domains normalised (domains are
 *   public, not personal data) for a prefix search. Both need the PI key, which migrations do not have:
 *   `search_indexed` marks rows written since, and start-up fills the others (compose.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE filing_orders ADD COLUMN sla_due_at timestamptz;
    ALTER TABLE filing_orders ADD COLUMN subject_name_bidx text;
    ALTER TABLE filing_orders ADD COLUMN search_indexed boolean NOT NULL DEFAULT false;
    CREATE INDEX filing_orders_sla_queue ON filing_orders (state, sla_due_at, id)
      WHERE sla_due_at IS NOT NULL AND last_submitted_at IS NOT NULL;
    CREATE INDEX filing_orders_follow_up ON filing_orders (state, last_activity_at, id)
      WHERE last_submitted_at IS NOT NULL AND state IN
        ('pending_sms_verification','returned_by_miit','admin_rejected','submitting_to_admin','pending_admin_review');
    -- The province filter (the back office's most used) and its tab counts: one province's slice of each queue,
    -- in queue order, instead of a walk of the whole queue (bench/queues.ts measured the difference).
    CREATE INDEX filing_orders_sla_queue_province ON filing_orders (province, state, sla_due_at, id)
      WHERE sla_due_at IS NOT NULL AND last_submitted_at IS NOT NULL;
    CREATE INDEX filing_orders_follow_up_province ON filing_orders (province, state, last_activity_at, id)
      WHERE last_submitted_at IS NOT NULL AND state IN
        ('pending_sms_verification','returned_by_miit','admin_rejected','submitting_to_admin','pending_admin_review');
    CREATE INDEX filing_orders_subject_name_bidx ON filing_orders (subject_name_bidx)
      WHERE subject_name_bidx IS NOT NULL;
    CREATE INDEX filing_orders_search_pending ON filing_orders (id) WHERE NOT search_indexed;
    CREATE TABLE order_domains (
      order_id uuid NOT NULL REFERENCES filing_orders(id) ON DELETE CASCADE,
      domain text NOT NULL,
      PRIMARY KEY (order_id, domain)
    );
    CREATE INDEX order_domains_prefix ON order_domains (domain text_pattern_ops);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE order_domains;
    DROP INDEX filing_orders_search_pending;
    DROP INDEX filing_orders_subject_name_bidx;
    DROP INDEX filing_orders_follow_up_province;
    DROP INDEX filing_orders_sla_queue_province;
    DROP INDEX filing_orders_follow_up;
    DROP INDEX filing_orders_sla_queue;
    ALTER TABLE filing_orders DROP COLUMN search_indexed;
    ALTER TABLE filing_orders DROP COLUMN subject_name_bidx;
    ALTER TABLE filing_orders DROP COLUMN sla_due_at;
  `.execute(db);
}
