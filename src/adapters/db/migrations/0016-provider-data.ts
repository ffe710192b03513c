import { type Kysely, sql } from 'kysely';

/**
 * The provider's data the platform depends on (beian issue 9, items 3 and 4):
 * - `real_name_identities`: the seeded real-name registry (实名认证) — who an account is, encrypted with the PI
 *   key, with keyed blind indexes of the normalised name and number to compare a subject against without
 *   decrypting. One row per account; no row means "not on file".
 * - `resources.status`: a server can be released (释放) as well as expire; `released_at` says when.
 * - `authorization_codes.resource_id` no longer references `resources`: with RESOURCE_INVENTORY=http the
 *   resources live in the provider's inventory, not in this table.
 * - `website_access_checks`: when each filed website's access resource is next looked at (the at-risk sweep
 *   checks a website at most every few hours; rows, not timers).
 * - `website_access_risks`: a filed website whose server was released or expired (at most one open per website),
 *   resolved when the resource is back or the access ends.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE real_name_identities (
      account_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('individual','unit')),
      identity_enc text NOT NULL,
      name_bidx text NOT NULL,
      number_bidx text NOT NULL,
      verified_at timestamptz NOT NULL,
      recorded_by uuid REFERENCES users(id),
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX real_name_identities_number ON real_name_identities(number_bidx);
    ALTER TABLE resources ADD COLUMN status text NOT NULL DEFAULT 'running' CHECK (status IN ('running','released'));
    ALTER TABLE resources ADD COLUMN released_at timestamptz;
    ALTER TABLE authorization_codes DROP CONSTRAINT IF EXISTS authorization_codes_resource_id_fkey;
    CREATE TABLE website_access_checks (
      website_id uuid PRIMARY KEY REFERENCES websites(id) ON DELETE CASCADE,
      next_check_at timestamptz NOT NULL,
      checked_at timestamptz NOT NULL
    );
    CREATE INDEX website_access_checks_due ON website_access_checks(next_check_at);
    -- Websites filed before this migration are looked at by the first sweep.
    INSERT INTO website_access_checks (website_id, next_check_at, checked_at)
      SELECT id, now(), now() FROM websites WHERE status = 'active';
    CREATE TABLE website_access_risks (
      id uuid PRIMARY KEY,
      website_id uuid NOT NULL REFERENCES websites(id) ON DELETE CASCADE,
      account_id uuid NOT NULL REFERENCES users(id),
      resource_id text NOT NULL,
      reason text NOT NULL CHECK (reason IN ('released','expired')),
      detected_at timestamptz NOT NULL,
      resolved_at timestamptz,
      resolution text CHECK (resolution IN ('resource_back','access_ended'))
    );
    CREATE UNIQUE INDEX website_access_risks_one_open ON website_access_risks(website_id) WHERE resolved_at IS NULL;
    CREATE INDEX website_access_risks_open_account ON website_access_risks(account_id) WHERE resolved_at IS NULL;
    CREATE INDEX website_access_risks_open ON website_access_risks(detected_at) WHERE resolved_at IS NULL;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE website_access_risks;
    DROP TABLE website_access_checks;
    ALTER TABLE resources DROP COLUMN released_at;
    ALTER TABLE resources DROP COLUMN status;
    DROP TABLE real_name_identities;
  `.execute(db);
}
