import { type Kysely, sql } from 'kysely';

/**
 * The data of every submission of an order, encrypted like the order's own data: a reviewer deciding on a
 * resubmission sees, field by field, what changed since the version they (or a colleague) returned.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE order_submissions (
      order_id uuid NOT NULL REFERENCES filing_orders(id),
      number integer NOT NULL,
      data_enc text NOT NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (order_id, number)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE order_submissions`.execute(db);
}
