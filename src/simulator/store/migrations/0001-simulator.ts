import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE sim_subject (
      id bigserial PRIMARY KEY,
      number text NOT NULL UNIQUE,
      province text NOT NULL,
      name text NOT NULL,
      subject_type text NOT NULL,
      certificate_type text NOT NULL,
      certificate_number text NOT NULL,
      responsible_name text NOT NULL,
      responsible_id_type text NOT NULL,
      responsible_id_number text NOT NULL,
      status text NOT NULL CHECK (status IN ('active','cancelled')),
      next_website_index integer NOT NULL CHECK (next_website_index >= 1),
      approved_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    -- One subject number per certificate nationwide while it is active.
    CREATE UNIQUE INDEX sim_subject_active_certificate ON sim_subject(certificate_number) WHERE status = 'active';

    CREATE TABLE sim_website (
      id bigserial PRIMARY KEY,
      subject_id bigint NOT NULL REFERENCES sim_subject(id),
      number text NOT NULL UNIQUE,
      website_index integer NOT NULL CHECK (website_index >= 1),
      domain text NOT NULL,
      name text NOT NULL,
      responsible_name text NOT NULL,
      status text NOT NULL CHECK (status IN ('active','cancelled')),
      access_provider_count integer NOT NULL CHECK (access_provider_count >= 0),
      approved_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (subject_id, website_index)
    );
    -- A domain has at most one live filing; after cancellation it may be filed again.
    CREATE UNIQUE INDEX sim_website_active_domain ON sim_website(domain) WHERE status = 'active';
    CREATE INDEX sim_website_subject ON sim_website(subject_id);

    CREATE TABLE sim_domain (
      domain text PRIMARY KEY,
      tld text NOT NULL,
      registrar text NOT NULL,
      registrar_approved boolean NOT NULL,
      tld_approved boolean NOT NULL,
      expires_at timestamptz NOT NULL,
      real_name_status text NOT NULL CHECK (real_name_status IN ('verified','not_verified','verified_not_reported')),
      real_name_verified_at timestamptz,
      real_name_reported_at timestamptz,
      registrant_name text NOT NULL,
      registrant_certificate_type text NOT NULL,
      registrant_certificate_number text NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE SEQUENCE sim_order_seq;
    CREATE TABLE sim_order (
      ref text PRIMARY KEY,
      idempotency_key text NOT NULL UNIQUE,
      order_id text NOT NULL,
      type text NOT NULL,
      province text NOT NULL,
      subject_number text,
      payload jsonb NOT NULL,
      state text NOT NULL CHECK (state IN
        ('rejected_at_intake','sms_pending','returned','admin_review','admin_rejected','approved','completed')),
      cause text CHECK (cause IN ('sms_timeout','sms_failed')),
      reasons jsonb NOT NULL DEFAULT '[]',
      result jsonb,
      sms_required boolean NOT NULL,
      sms_deadline_at timestamptz,
      review_started_at timestamptz,
      received_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      decided_at timestamptz
    );
    CREATE INDEX sim_order_state ON sim_order(state, received_at);

    CREATE TABLE sim_sms_verification (
      id bigserial PRIMARY KEY,
      order_ref text NOT NULL REFERENCES sim_order(ref),
      mobile text NOT NULL,
      name text NOT NULL,
      roles jsonb NOT NULL,
      id_type text NOT NULL,
      id_last6 text NOT NULL,
      code_hmac text NOT NULL,
      state text NOT NULL CHECK (state IN ('code_sent','verified','failed','expired')),
      resend_count integer NOT NULL DEFAULT 0,
      wrong_attempts integer NOT NULL DEFAULT 0,
      sent_at timestamptz NOT NULL,
      verified_at timestamptz,
      updated_at timestamptz NOT NULL,
      UNIQUE (order_ref, mobile)
    );
    CREATE INDEX sim_sms_verification_mobile ON sim_sms_verification(mobile, state);

    CREATE TABLE sim_sms_outbox (
      id bigserial PRIMARY KEY,
      order_ref text NOT NULL REFERENCES sim_order(ref),
      mobile text NOT NULL,
      text text NOT NULL,
      sent_at timestamptz NOT NULL
    );
    CREATE INDEX sim_sms_outbox_mobile ON sim_sms_outbox(mobile, id);

    CREATE TABLE sim_serial_counter (
      province text NOT NULL,
      year integer NOT NULL,
      next_serial integer NOT NULL CHECK (next_serial >= 1),
      PRIMARY KEY (province, year)
    );

    CREATE TABLE sim_review_policy (
      province text PRIMARY KEY,
      mode text NOT NULL CHECK (mode IN ('manual','auto_approve','auto_reject')),
      delay_seconds integer NOT NULL CHECK (delay_seconds >= 0),
      updated_at timestamptz NOT NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE sim_review_policy, sim_serial_counter, sim_sms_outbox, sim_sms_verification, sim_order,
      sim_domain, sim_website, sim_subject;
    DROP SEQUENCE sim_order_seq;
  `.execute(db);
}
