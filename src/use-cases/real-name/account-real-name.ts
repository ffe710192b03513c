import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { RealNameLookup } from '../../domain/ports/real-name-registry.ts';
import {
  claimOfIdentity,
  claimOfSubject,
  compareRealNameKeys,
  realNameKeys,
  type SubjectFacts,
} from '../../domain/real-name.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { forgetCachedSessionsOf } from '../auth/sessions.ts';

/**
 * domain.md §4.1: the account must be real-name verified (实名认证), and the subject it files must be that
 * identity. The registry (REAL_NAME_REGISTRY) decides who the account is; this compares.
 */
export async function lookupAccountRealName(
  ctx: Pick<AppContext, 'realNames' | 'db' | 'config'>,
  user: Pick<AuthUser, 'id' | 'accountId' | 'realNameVerified'>,
): Promise<RealNameLookup> {
  const lookup = await ctx.realNames.lookup(user.accountId);
  // With the provider's registry the users flag is only the portal's last-known answer (it gates the start page);
  // keep it in step whenever the registry was asked anyway. With the stand-in the flag is the source itself.
  const verified = lookup.status !== 'unverified';
  if (ctx.config.REAL_NAME_REGISTRY === 'http' && verified !== user.realNameVerified && user.id === user.accountId) {
    await ctx.db.updateTable('users').set({ real_name_verified: verified }).where('id', '=', user.id).execute();
    forgetCachedSessionsOf(user.id);
  }
  return lookup;
}

/**
 * Refuses when the account is not verified, or when `subject` (null/undefined: not known yet, e.g. a first
 * filing before its form is filled; a draft's half-typed subject claims nothing either) is someone else. The
 * refusal names which parts differ — kind, name, number — never the values.
 */
export function assertSubjectIsAccountIdentity(
  ctx: Pick<AppContext, 'cipher'>,
  lookup: RealNameLookup,
  subject: SubjectFacts | null | undefined,
): void {
  if (lookup.status === 'unverified') throw new DomainError('ACCOUNT_NOT_REAL_NAME_VERIFIED');
  if (lookup.status === 'verified_adopts_subject' || !subject) return;
  const claim = claimOfSubject(subject);
  if (!claim) return;
  const index = (purpose: string, value: string) => ctx.cipher.blindIndex(purpose, value);
  const mismatched = compareRealNameKeys(
    realNameKeys(index, claimOfIdentity(lookup.identity)),
    realNameKeys(index, claim),
  );
  if (mismatched.length > 0) {
    throw new DomainError('REAL_NAME_SUBJECT_MISMATCH', {
      details: { subjectKind: claim.kind, accountKind: lookup.identity.kind, mismatched },
    });
  }
}

/** The subject an order files as: its own subject data, else the account's filed subject it acts on. */
export async function subjectOfOrder(
  trx: Kysely<Database>,
  ctx: Pick<AppContext, 'cipher'>,
  order: { data: { subject?: SubjectFacts | undefined }; subjectId: string | null },
): Promise<SubjectFacts | null> {
  if (order.data.subject) return order.data.subject;
  if (!order.subjectId) return null;
  const row = await trx.selectFrom('subjects').select('data_enc').where('id', '=', order.subjectId).executeTakeFirst();
  return row ? ctx.cipher.decryptJson<SubjectFacts>(row.data_enc) : null;
}
