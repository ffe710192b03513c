import { type Kysely, sql } from 'kysely';

/**
 * Applicant notifications.
 * - `notifications` is the in-app inbox and the once-per-event ledger: the UNIQUE idempotency key makes a
 *   redelivered event a no-op, and the per-channel statuses let a retry resend only the channel that failed.
 *   Title and body are rendered templates, which hold public facts and masked values only.
 * - `sms_send_log` counts texts per phone for the rate limits. It keys on the phone's blind index (HMAC), never
 *   the number itself.
 * - `dev_sms_outbox` / `dev_email_outbox` are what the development adapters "send": they stand in for a phone
 *   and a mailbox, so they hold the message as delivered. The recipient is still encrypted at rest (`to_enc`),
 *   like every other phone or address the platform stores; production uses the HTTP/SMTP adapters and leaves
 *   these tables empty.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE notifications (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES users(id),
      order_id uuid REFERENCES filing_orders(id),
      template text NOT NULL,
      locale text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      sms_status text NOT NULL
        CHECK (sms_status IN ('pending','sent','rate_limited','no_phone','failed','not_applicable')),
      email_status text NOT NULL
        CHECK (email_status IN ('pending','sent','rate_limited','no_phone','failed','not_applicable')),
      idempotency_key text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      read_at timestamptz,
      -- Insertion order: "newest first" stays stable when several events share a timestamp.
      seq bigserial NOT NULL
    );
    CREATE INDEX notifications_account ON notifications(account_id, created_at DESC, seq DESC);
    CREATE TABLE sms_send_log (
      id uuid PRIMARY KEY,
      phone_bidx text NOT NULL,
      sent_at timestamptz NOT NULL
    );
    CREATE INDEX sms_send_log_phone ON sms_send_log(phone_bidx, sent_at);
    CREATE TABLE dev_sms_outbox (
      id uuid PRIMARY KEY,
      to_enc text NOT NULL,
      text text NOT NULL,
      idempotency_key text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL
    );
    CREATE TABLE dev_email_outbox (
      id uuid PRIMARY KEY,
      to_enc text NOT NULL,
      subject text NOT NULL,
      text text NOT NULL,
      idempotency_key text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE dev_email_outbox, dev_sms_outbox, sms_send_log, notifications`.execute(db);
}
