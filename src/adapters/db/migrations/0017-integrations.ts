import { type Kysely, sql } from 'kysely';

/**
 * Integrators: API keys (only the SHA-256 of the secret is kept), webhook subscriptions (the signing secret
 * encrypted with the PI key, since the platform must sign with it), one row per delivery (an event to one
 * subscription) and one per attempt of it. The deliveries themselves travel through the outbox.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE api_keys (
      id uuid PRIMARY KEY,
      owner_id uuid NOT NULL REFERENCES users(id),
      name text NOT NULL,
      prefix text NOT NULL UNIQUE,
      secret_hash text NOT NULL,
      scopes text[] NOT NULL,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      last_used_at timestamptz,
      revoked_at timestamptz,
      expires_at timestamptz
    );
    CREATE INDEX api_keys_owner ON api_keys (owner_id, created_at DESC);
    CREATE TABLE webhook_subscriptions (
      id uuid PRIMARY KEY,
      account_id uuid REFERENCES users(id),
      url text NOT NULL,
      secret_enc text NOT NULL,
      event_types text[] NOT NULL,
      active boolean NOT NULL DEFAULT true,
      description text NOT NULL DEFAULT '',
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX webhook_subscriptions_account ON webhook_subscriptions (account_id) WHERE active;
    CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY,
      subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id),
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      order_id uuid,
      payload jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('pending','delivered','failed')),
      attempts integer NOT NULL DEFAULT 0,
      last_status_code integer,
      last_error text,
      redelivery_of uuid REFERENCES webhook_deliveries(id),
      created_at timestamptz NOT NULL,
      finished_at timestamptz
    );
    CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, created_at DESC);
    CREATE TABLE webhook_delivery_attempts (
      id uuid PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id),
      attempt integer NOT NULL,
      at timestamptz NOT NULL,
      status_code integer,
      duration_ms integer NOT NULL,
      error text,
      response_snippet text
    );
    CREATE INDEX webhook_delivery_attempts_delivery ON webhook_delivery_attempts (delivery_id, attempt);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE webhook_delivery_attempts; DROP TABLE webhook_deliveries; DROP TABLE webhook_subscriptions;
    DROP TABLE api_keys;
  `.execute(db);
}
