import type { Kysely } from 'kysely';
import type { PersonIdType } from '../../domain/filing-data.ts';
import type { PiCipher } from '../../domain/ports/pi-cipher.ts';
import type { RealNameIdentity, RealNameLookup, RealNameRegistry } from '../../domain/ports/real-name-registry.ts';
import { claimOfIdentity, realNameKeys } from '../../domain/real-name.ts';
import { findActiveSubjectOfAccount } from '../db/records-repo.ts';
import type { Database } from '../db/schema.ts';

/**
 * The real-name registry stand-in (REAL_NAME_REGISTRY=seeded): the platform's own `users.real_name_verified`
 * flag says whether the account is verified, and `real_name_identities` (migration 0016, encrypted) says as whom.
 * Admins record both (POST /api/v1/admin/users/:id/real-name-verification).
 *
 * Stand-in behaviour outside production (`adoptFirstSubject`): an account marked verified without an identity on
 * file — a self-registered development account (DEV_SIGNUP_STAND_IN), the demo applicant, a test account — takes
 * the identity of the subject it files: until it has a filed subject any subject passes, and from then on the
 * filed subject is its identity. In production an account without an identity on file is not verified.
 */
export type SeededRealNameOptions = { adoptFirstSubject: boolean };

type StoredIdentity = { name: string; idType?: PersonIdType; idNumber?: string; uscc?: string };

export function createSeededRealNameRegistry(
  db: Kysely<Database>,
  cipher: PiCipher,
  options: SeededRealNameOptions,
): RealNameRegistry {
  return {
    async lookup(accountId): Promise<RealNameLookup> {
      const user = await db
        .selectFrom('users')
        .select('real_name_verified')
        .where('id', '=', accountId)
        .executeTakeFirst();
      if (!user?.real_name_verified) return { status: 'unverified' };
      const row = await db
        .selectFrom('real_name_identities')
        .selectAll()
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      if (row) {
        const stored = cipher.decryptJson<StoredIdentity>(row.identity_enc);
        const verifiedAt = new Date(row.verified_at);
        const identity: RealNameIdentity =
          row.kind === 'individual'
            ? {
                kind: 'individual',
                name: stored.name,
                idType: stored.idType ?? 'resident_id',
                idNumber: stored.idNumber ?? '',
                verifiedAt,
              }
            : { kind: 'unit', name: stored.name, uscc: stored.uscc ?? '', verifiedAt };
        return { status: 'verified', identity };
      }
      if (!options.adoptFirstSubject) return { status: 'unverified' };
      const filed = await findActiveSubjectOfAccount(db, cipher, accountId);
      if (!filed) return { status: 'verified_adopts_subject' };
      const s = filed.data;
      return {
        status: 'verified',
        identity:
          s.subjectType === 'individual'
            ? {
                kind: 'individual',
                name: s.sponsorName,
                idType: s.certificateType as PersonIdType,
                idNumber: s.certificateNumber,
                verifiedAt: filed.approvedAt,
              }
            : { kind: 'unit', name: s.sponsorName, uscc: s.certificateNumber, verifiedAt: filed.approvedAt },
      };
    },
  };
}

/** Records (or replaces) the account's identity in the stand-in registry; the flag is set by the caller. */
export async function recordRealNameIdentity(
  db: Kysely<Database>,
  cipher: PiCipher,
  input: { accountId: string; identity: RealNameIdentity; recordedBy: string | null; now: Date },
): Promise<void> {
  const { identity } = input;
  const keys = realNameKeys((p, v) => cipher.blindIndex(p, v), claimOfIdentity(identity));
  const stored: StoredIdentity =
    identity.kind === 'individual'
      ? { name: identity.name, idType: identity.idType, idNumber: identity.idNumber }
      : { name: identity.name, uscc: identity.uscc };
  const values = {
    kind: identity.kind,
    identity_enc: cipher.encryptJson(stored),
    name_bidx: keys.name,
    number_bidx: keys.number,
    verified_at: identity.verifiedAt,
    recorded_by: input.recordedBy,
    updated_at: input.now,
  };
  await db
    .insertInto('real_name_identities')
    .values({ account_id: input.accountId, ...values })
    .onConflict((oc) => oc.column('account_id').doUpdateSet(values))
    .execute();
}

export async function clearRealNameIdentity(db: Kysely<Database>, accountId: string): Promise<void> {
  await db.deleteFrom('real_name_identities').where('account_id', '=', accountId).execute();
}
