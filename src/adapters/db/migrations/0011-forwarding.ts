import { type Kysely, sql } from 'kysely';

/**
 * Manual forwarding: while the provider holds forwarding, a submission to the regulator waits in the outbox
 * (held_at) until a reviewer forwards it; platform_settings keeps such switches, changed by staff at run time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE outbox ADD COLUMN held_at timestamptz;
    ALTER TABLE outbox ADD COLUMN released_at timestamptz;
    ALTER TABLE outbox ADD COLUMN released_by uuid REFERENCES users(id);
    CREATE INDEX outbox_held ON outbox(created_at) WHERE held_at IS NOT NULL AND done_at IS NULL;
    CREATE TABLE platform_settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_by uuid REFERENCES users(id),
      updated_at timestamptz NOT NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE platform_settings;
    DROP INDEX outbox_held;
    ALTER TABLE outbox DROP COLUMN released_by;
    ALTER TABLE outbox DROP COLUMN released_at;
    ALTER TABLE outbox DROP COLUMN held_at;
  `.execute(db);
}
