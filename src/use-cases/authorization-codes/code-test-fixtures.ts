import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import type { Role } from '../../domain/roles.ts';

/**
 * Test-only helpers shared by the authorization-code, resource and lookup integration tests. Every row gets a
 * random id so test files can share one PostgreSQL database (DATABASE_URL) without truncating each other's data.
 */

export async function insertAccount(db: Kysely<Database>, now: Date, role: Role = 'applicant'): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto('users')
    .values({
      id,
      email: `${id}@example.test`,
      password_hash: 'not-a-real-hash',
      role,
      parent_user_id: null,
      display_name: `test ${role}`,
      real_name_verified: true,
      disabled: false,
      created_at: now,
    })
    .execute();
  return id;
}

/** A random IPv4 from 198.18.0.0/15 (benchmarking range) for tests that need an IP no seed hands out. */
export const randomTestIp = (): string => {
  const [a, b, c] = crypto.getRandomValues(new Uint8Array(3));
  return `198.${18 + (a! & 1)}.${b}.${(c! % 254) + 1}`;
};

export const MONTH_MS = 30 * 24 * 3600 * 1000;
