import { type Kysely, sql } from 'kysely';

/**
 * Idempotency keys get a lease and a link to what their request made (issue 6 item 15).
 * - `locked_until`: an in-progress key is held only this long; after it a retry may take the key over, so a process
 *   killed mid-request no longer leaves the key stuck for its whole 24-hour life. Rows from before this migration
 *   have none and count as expired.
 * - `claim_token`: which attempt holds the key; taking it over changes the token, so the overtaken attempt can no
 *   longer tie its effect to the key and rolls back.
 * - `resource_id`: written in the same transaction as the request's effect (the new order), so a retry after a crash
 *   between that commit and the recorded answer answers with the existing resource instead of making another.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE idempotency_keys
      ADD COLUMN locked_until timestamptz,
      ADD COLUMN claim_token uuid,
      ADD COLUMN resource_id text
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE idempotency_keys DROP COLUMN locked_until, DROP COLUMN claim_token, DROP COLUMN resource_id
  `.execute(db);
}
