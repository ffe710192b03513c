import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY,
      email text NOT NULL UNIQUE,
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('applicant','sub_account','reviewer','admin')),
      parent_user_id uuid REFERENCES users(id),
      display_name text NOT NULL,
      real_name_verified boolean NOT NULL DEFAULT false,
      disabled boolean NOT NULL DEFAULT false,
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      created_at timestamptz NOT NULL
    );
    CREATE TABLE sessions (
      id_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX sessions_user ON sessions(user_id);
    CREATE TABLE resources (
      id text PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES users(id),
      kind text NOT NULL CHECK (kind IN ('server','site_builder')),
      name text NOT NULL,
      region text NOT NULL,
      public_ips jsonb NOT NULL,
      billing_type text NOT NULL CHECK (billing_type IN ('prepaid','pay_as_you_go')),
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX resources_account ON resources(account_id);
    CREATE TABLE authorization_codes (
      code text PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES users(id),
      resource_id text NOT NULL REFERENCES resources(id),
      public_ip text NOT NULL,
      issued_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      state text NOT NULL CHECK (state IN ('unused','in_filing','used','invalid')),
      order_id uuid,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX authorization_codes_ip ON authorization_codes(public_ip);
    CREATE INDEX authorization_codes_account ON authorization_codes(account_id);
    CREATE TABLE subjects (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES users(id),
      province text NOT NULL,
      subject_type text NOT NULL,
      status text NOT NULL CHECK (status IN ('active','cancelled')),
      icp_number text NOT NULL,
      public_name text NOT NULL,
      data_enc text NOT NULL,
      certificate_bidx text NOT NULL,
      approved_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX subjects_one_active_per_account ON subjects(account_id) WHERE status = 'active';
    CREATE INDEX subjects_icp_number ON subjects(icp_number);
    CREATE INDEX subjects_public_name ON subjects(public_name);
    CREATE TABLE websites (
      id uuid PRIMARY KEY,
      subject_id uuid NOT NULL REFERENCES subjects(id),
      account_id uuid NOT NULL REFERENCES users(id),
      domain text NOT NULL,
      domain_unicode text NOT NULL,
      name text NOT NULL,
      status text NOT NULL CHECK (status IN ('active','cancelled','access_removed','access_revoked')),
      icp_number text NOT NULL,
      authorization_code text,
      data_enc text NOT NULL,
      approved_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX websites_one_active_per_domain ON websites(domain) WHERE status = 'active';
    CREATE INDEX websites_subject ON websites(subject_id);
    CREATE INDEX websites_icp_number ON websites(icp_number);
    CREATE TABLE filing_orders (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES users(id),
      subject_id uuid REFERENCES subjects(id),
      type text NOT NULL,
      state text NOT NULL,
      verification_stage text NOT NULL,
      version integer NOT NULL,
      province text,
      data_enc text NOT NULL,
      determination jsonb NOT NULL,
      target_website_ids jsonb NOT NULL,
      terms_accepted_at timestamptz,
      submission_count integer NOT NULL DEFAULT 0,
      regulator_ref text,
      regulator_status jsonb,
      reviewer_id uuid,
      submitted_at timestamptz,
      last_submitted_at timestamptz,
      last_activity_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      closed_at timestamptz
    );
    -- One account holds one subject, so "one open order per subject" is one open order per account.
    CREATE UNIQUE INDEX filing_orders_one_open_per_account ON filing_orders(account_id)
      WHERE state NOT IN ('approved','completed_removed','abandoned');
    CREATE INDEX filing_orders_state ON filing_orders(state, updated_at);
    CREATE TABLE order_rejections (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES filing_orders(id),
      stage text NOT NULL,
      reasons jsonb NOT NULL,
      actor_id uuid,
      at timestamptz NOT NULL
    );
    CREATE INDEX order_rejections_order ON order_rejections(order_id, at);
    CREATE TABLE materials (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES filing_orders(id),
      account_id uuid NOT NULL REFERENCES users(id),
      kind text NOT NULL,
      website_index integer,
      storage_key text NOT NULL,
      content_type text NOT NULL,
      byte_size integer NOT NULL,
      sha256 text NOT NULL,
      width integer,
      height integer,
      valid_until date,
      status text NOT NULL CHECK (status IN ('active','superseded')),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX materials_order ON materials(order_id, kind);
    CREATE TABLE authenticity_verifications (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES filing_orders(id),
      website_index integer NOT NULL,
      method text NOT NULL CHECK (method IN ('photo','video')),
      material_ids jsonb NOT NULL,
      state text NOT NULL CHECK (state IN ('pending','under_review','approved','rejected')),
      reasons jsonb NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (order_id, website_index)
    );
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_role text NOT NULL,
      action text NOT NULL,
      order_id uuid,
      from_state text,
      to_state text,
      reason text,
      details jsonb NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL
    );
    CREATE INDEX audit_log_order ON audit_log(order_id, id);
    CREATE TABLE deadlines (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      ref_id text NOT NULL,
      due_at timestamptz NOT NULL,
      fired_at timestamptz,
      locked_until timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    );
    CREATE UNIQUE INDEX deadlines_one_pending ON deadlines(kind, ref_id) WHERE fired_at IS NULL;
    CREATE INDEX deadlines_due ON deadlines(due_at) WHERE fired_at IS NULL;
    CREATE TABLE outbox (
      id uuid PRIMARY KEY,
      topic text NOT NULL,
      payload jsonb NOT NULL,
      idempotency_key text NOT NULL UNIQUE,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      locked_until timestamptz,
      done_at timestamptz,
      last_error text,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX outbox_pending ON outbox(next_attempt_at) WHERE done_at IS NULL;
    CREATE TABLE idempotency_keys (
      account_id uuid NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      status_code integer,
      response jsonb,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (account_id, key)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE idempotency_keys, outbox, deadlines, audit_log, authenticity_verifications, materials,
      order_rejections, filing_orders, websites, subjects, authorization_codes, resources, sessions, users;
  `.execute(db);
}
