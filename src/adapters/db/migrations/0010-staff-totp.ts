import { type Kysely, sql } from 'kysely';

/**
 * Staff sign in with a second factor (issue 8 item 6): one TOTP authenticator per staff member, its secret
 * encrypted with the PI cipher (it is as sensitive as a password and must be readable to check a code, so it
 * cannot be hashed); the last time step a code was accepted for, so a code seen once is refused for the rest of
 * its window; a counter and lock against guessing; hashed single-use recovery codes. A session records when it
 * passed the second factor.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE staff_totp (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      secret_enc text NOT NULL,
      enrolled_at timestamptz,
      last_used_step integer,
      failed_attempts integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      updated_at timestamptz NOT NULL
    );
    CREATE TABLE staff_recovery_codes (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (user_id, code_hash)
    );
    ALTER TABLE sessions ADD COLUMN second_factor_at timestamptz;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE sessions DROP COLUMN second_factor_at;
    DROP TABLE staff_recovery_codes;
    DROP TABLE staff_totp;
  `.execute(db);
}
