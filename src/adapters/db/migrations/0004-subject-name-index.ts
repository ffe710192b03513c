import { type Kysely, sql } from 'kysely';

/**
 * Public lookup by an individual's full name (README "Public lookup: what is shown").
 * - `subjects.name_bidx`: HMAC blind index of an individual's normalised full name, so the exact name finds
 *   the filing while the table holds no searchable name (public_name is the masked 王**). Units leave it null:
 *   their full name is public and found through public_name.
 * - `websites.public_name`: the website name as shown publicly, with an individual's full name masked.
 * Both need the PI key, which migrations do not have: start-up backfills rows left null (compose.ts), and the
 * records repository sets them on every insert and update.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE subjects ADD COLUMN name_bidx text`.execute(db);
  // With icp_number, a common name's matches come out in display order and the LIMIT stops the scan early.
  await sql`CREATE INDEX subjects_name_bidx ON subjects(name_bidx, icp_number) WHERE name_bidx IS NOT NULL`.execute(db);
  await sql`ALTER TABLE websites ADD COLUMN public_name text`.execute(db);
  // Empty once backfilled, so the check on every start is an index probe, not a scan of a million rows.
  await sql`CREATE INDEX subjects_name_bidx_pending ON subjects(id)
    WHERE name_bidx IS NULL AND subject_type = 'individual'`.execute(db);
  await sql`CREATE INDEX websites_public_name_pending ON websites(id) WHERE public_name IS NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX websites_public_name_pending`.execute(db);
  await sql`DROP INDEX subjects_name_bidx_pending`.execute(db);
  await sql`ALTER TABLE websites DROP COLUMN public_name`.execute(db);
  await sql`DROP INDEX subjects_name_bidx`.execute(db);
  await sql`ALTER TABLE subjects DROP COLUMN name_bidx`.execute(db);
}
