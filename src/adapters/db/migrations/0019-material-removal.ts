import { type Kysely, sql } from 'kysely';

/**
 * An applicant may remove a material while the order still takes uploads of it (a wrong file, or one no longer
 * required after the subject changed). The row stays, marked removed, like a superseded one: the audit trail and
 * the review history keep pointing at it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE materials DROP CONSTRAINT materials_status_check;
    ALTER TABLE materials ADD CONSTRAINT materials_status_check CHECK (status IN ('active','superseded','removed'));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    UPDATE materials SET status = 'superseded' WHERE status = 'removed';
    ALTER TABLE materials DROP CONSTRAINT materials_status_check;
    ALTER TABLE materials ADD CONSTRAINT materials_status_check CHECK (status IN ('active','superseded'));
  `.execute(db);
}
