import { type Kysely, sql } from 'kysely';

/**
 * Indexes the scale benchmark (`npm run bench:scale`, 1 M websites, 200 k orders) showed were missing:
 * - an applicant's order list (newest first) scanned every order of the table without (account_id, created_at);
 * - the reviewers' queue is read per state in submission order and paged by keyset, so its sort key, ending
 *   in the primary key to make it total, is indexed per state;
 * - a subject-name prefix search cannot use a plain btree under a non-C collation: text_pattern_ops can,
 *   whatever the database's collation, and only active subjects are ever searched.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE INDEX filing_orders_account_created ON filing_orders(account_id, created_at DESC, id DESC);
    CREATE INDEX filing_orders_queue ON filing_orders(state, last_submitted_at, updated_at, id);
    CREATE INDEX subjects_public_name_prefix ON subjects(public_name text_pattern_ops) WHERE status = 'active';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX subjects_public_name_prefix;
    DROP INDEX filing_orders_queue;
    DROP INDEX filing_orders_account_created;
  `.execute(db);
}
