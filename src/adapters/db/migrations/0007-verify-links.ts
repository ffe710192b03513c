import { type Kysely, sql } from 'kysely';

/**
 * Phone links for authenticity verification (issue 7 item 5): the website responsible person opens a short-lived,
 * single-use link (QR code or SMS) on a phone, without signing in, and uploads the photo there. Only the SHA-256
 * of the token is stored; the token itself travels in the URL fragment and never reaches a server log.
 * `used_at` is set by the one upload the link allows; a newer link for the same order and website revokes the
 * older ones (`revoked_at`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE verify_links (
      id uuid PRIMARY KEY,
      token_hash text NOT NULL UNIQUE,
      order_id uuid NOT NULL REFERENCES filing_orders(id),
      account_id uuid NOT NULL REFERENCES users(id),
      issued_by uuid NOT NULL REFERENCES users(id),
      website_index integer NOT NULL,
      expires_at timestamptz NOT NULL,
      opened_at timestamptz,
      used_at timestamptz,
      revoked_at timestamptz,
      material_id uuid,
      sms_sent boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX verify_links_order ON verify_links(order_id, website_index);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE verify_links`.execute(db);
}
