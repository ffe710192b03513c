import { type Kysely, sql } from 'kysely';

/**
 * The back office's team: a senior reviewer role (reassigns claims), and a claim on an order with a lease so that
 * two reviewers never work the same order; a claim whose lease ran out is free for anyone to take.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check;
    ALTER TABLE users ADD CONSTRAINT users_role_check
      CHECK (role IN ('applicant','sub_account','reviewer','senior_reviewer','admin'));
    ALTER TABLE filing_orders ADD COLUMN claimed_by uuid REFERENCES users(id);
    ALTER TABLE filing_orders ADD COLUMN claim_expires_at timestamptz;
    CREATE INDEX filing_orders_claimed_by ON filing_orders (claimed_by) WHERE claimed_by IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX filing_orders_claimed_by;
    ALTER TABLE filing_orders DROP COLUMN claim_expires_at;
    ALTER TABLE filing_orders DROP COLUMN claimed_by;
    ALTER TABLE users DROP CONSTRAINT users_role_check;
    ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('applicant','sub_account','reviewer','admin'));
  `.execute(db);
}
