import { type Kysely, sql } from 'kysely';

/**
 * Sign-in with the provider's accounts (OpenID Connect) and WeChat (issue 9 items 1–2).
 *
 * external_identities links an account at an identity provider (issuer + subject; WeChat's issuer is `wechat`
 * and its subject the unionid) to one platform user. Users made this way have no local password: their
 * password_hash holds a marker that is no argon2 hash, so password login can never succeed for them.
 *
 * sign_in_attempts keeps a started sign-in (state, nonce, PKCE verifier, where to return) in the database, so
 * the IdP's callback may land on any platform instance. The row is deleted when the callback consumes it: a
 * replayed callback finds nothing. The state is stored hashed; the browser binding is the hash of a random
 * value in a short-lived cookie of the browser that started the attempt (login CSRF).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE external_identities (
      issuer text NOT NULL,
      subject text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      last_login_at timestamptz NOT NULL,
      PRIMARY KEY (issuer, subject)
    );
    CREATE INDEX external_identities_user ON external_identities (user_id);
    CREATE TABLE sign_in_attempts (
      state_hash text PRIMARY KEY,
      method text NOT NULL CHECK (method IN ('oidc','wechat')),
      browser_hash text NOT NULL,
      nonce text,
      code_verifier text,
      return_to text NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX sign_in_attempts_expiry ON sign_in_attempts (expires_at);
    ALTER TABLE sessions ADD COLUMN signed_in_with text;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE sessions DROP COLUMN signed_in_with;
    DROP TABLE sign_in_attempts;
    DROP TABLE external_identities;
  `.execute(db);
}
