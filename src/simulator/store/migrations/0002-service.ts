import { type Kysely, sql } from 'kysely';

/** Tables of the standalone simulator service: its movable clock, its callback outbox and its own settings. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE sim_clock (
      id smallint PRIMARY KEY CHECK (id = 1),
      offset_ms bigint NOT NULL CHECK (offset_ms >= 0),
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE sim_callback_outbox (
      id bigserial PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      order_ref text NOT NULL,
      order_id text NOT NULL,
      state text NOT NULL,
      occurred_at timestamptz NOT NULL,
      url text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending','delivered','dropped','failed')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      next_attempt_at timestamptz NOT NULL,
      delivered_at timestamptz,
      last_error text,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX sim_callback_outbox_due ON sim_callback_outbox(next_attempt_at) WHERE status = 'pending';
    CREATE INDEX sim_callback_outbox_ref ON sim_callback_outbox(order_ref, id);

    CREATE TABLE sim_setting (
      key text PRIMARY KEY,
      value text NOT NULL,
      updated_at timestamptz NOT NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE sim_setting, sim_callback_outbox, sim_clock;`.execute(db);
}
