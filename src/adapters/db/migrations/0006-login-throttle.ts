import { type Kysely, sql } from 'kysely';

/**
 * Login throttling keyed by the typed e-mail address, whether or not an account has it (issue 6 item 9): a known
 * address and an unknown one lock alike, so the 429 does not reveal which addresses have accounts. The key is a
 * blind index (HMAC) of the normalised address, never the address itself: unknown addresses are personal data
 * of whoever typed them. Rows go away on a successful login; the counters on `users` are no longer used.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE login_throttle (
      email_bidx text PRIMARY KEY,
      failed_logins integer NOT NULL,
      locked_until timestamptz,
      updated_at timestamptz NOT NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE login_throttle`.execute(db);
}
