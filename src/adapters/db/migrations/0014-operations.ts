import { type Kysely, sql } from 'kysely';
import { DEFAULT_REASON_TEMPLATES } from '../../../contracts/operations-api.ts';

/**
 * The back office's own data: rejection-reason templates admins maintain (seeded with the defaults) and the
 * notice board shown to applicants.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE reason_templates (
      code text PRIMARY KEY,
      scope text NOT NULL CHECK (scope IN ('field','material','both','authenticity')),
      zh text NOT NULL,
      en text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      sort integer NOT NULL DEFAULT 0,
      updated_by uuid REFERENCES users(id),
      updated_at timestamptz NOT NULL
    );
    CREATE TABLE notices (
      id uuid PRIMARY KEY,
      level text NOT NULL CHECK (level IN ('info','warning')),
      title_zh text NOT NULL,
      title_en text NOT NULL,
      body_zh text NOT NULL,
      body_en text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz,
      withdrawn_at timestamptz,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX notices_live ON notices (starts_at) WHERE withdrawn_at IS NULL;
  `.execute(db);
  const now = new Date();
  for (const t of DEFAULT_REASON_TEMPLATES) {
    await sql`INSERT INTO reason_templates (code, scope, zh, en, active, sort, updated_at)
      VALUES (${t.code}, ${t.scope}, ${t.zh}, ${t.en}, ${t.active}, ${t.sort}, ${now})`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE notices; DROP TABLE reason_templates;`.execute(db);
}
