import { clearRealNameIdentity, recordRealNameIdentity } from '../../adapters/real-name/seeded-real-name-registry.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { PersonIdType } from '../../domain/filing-data.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { appendAudit } from './audit.ts';
import { forgetCachedSessionsOf } from './sessions.ts';
import { AUTH_USER_COLUMNS, toAuthUser } from './users.ts';

export type RealNameIdentityInput =
  | { kind: 'individual'; name: string; idType: PersonIdType; idNumber: string }
  | { kind: 'unit'; name: string; uscc: string };

export type SetRealNameVerifiedInput = {
  actor: AuthUser;
  userId: string;
  verified: boolean;
  identity?: RealNameIdentityInput | undefined;
};

/**
 * An admin records the outcome of the account's real-name verification (实名认证) in the stand-in registry: the
 * flag and, when given, who the account is (encrypted, with blind indexes). Withdrawing the verification forgets
 * the identity too. The audit record says which kind of identity was recorded, never its values.
 */
export async function setRealNameVerified(
  ctx: Pick<AppContext, 'db' | 'clock' | 'cipher' | 'config'>,
  { actor, userId, verified, identity }: SetRealNameVerifiedInput,
): Promise<AuthUser> {
  if (actor.role !== 'admin') throw new DomainError('FORBIDDEN');
  if (ctx.config.REAL_NAME_REGISTRY !== 'seeded') {
    // The provider's registry decides; a flag set here would be overwritten at the account's next filing step.
    throw new DomainError('FORBIDDEN', { details: { reason: 'real_name_registry_is_remote' } });
  }
  if (identity && !verified) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { issues: [{ field: 'identity', message: 'only a verified account has an identity' }] },
    });
  }
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ real_name_verified: verified })
      .where('id', '=', userId)
      .returning(AUTH_USER_COLUMNS)
      .executeTakeFirst();
    if (!updated) return undefined;
    if (!verified) await clearRealNameIdentity(trx, userId);
    if (identity) {
      await recordRealNameIdentity(trx, ctx.cipher, {
        accountId: userId,
        identity: { ...identity, verifiedAt: now },
        recordedBy: actor.id,
        now,
      });
    }
    await appendAudit(trx, {
      at: now,
      actor: { id: actor.id, role: actor.role },
      action: 'user.real_name_verification.set',
      details: { userId, verified, ...(identity && { identityKind: identity.kind }) },
    });
    return updated;
  });
  if (!row) throw new DomainError('NOT_FOUND');
  forgetCachedSessionsOf(userId);
  return toAuthUser(row);
}
