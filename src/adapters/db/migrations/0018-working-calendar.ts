import { type Kysely, sql } from 'kysely';

/**
 * The provider's own corrections to the working-day calendar: 法定节假日 and 调休 make-up working days that the
 * maintained calendar data does not hold yet (a year published after the library's last release) or has wrong.
 * One row per Shanghai calendar date; the row wins over the library.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE calendar_days (
      date text PRIMARY KEY CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      kind text NOT NULL CHECK (kind IN ('holiday','workday')),
      name text NOT NULL,
      updated_by uuid NOT NULL REFERENCES users(id),
      updated_at timestamptz NOT NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE calendar_days`.execute(db);
}
