import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { appendAudit } from './audit.ts';
import { forgetCachedSessionsOf } from './sessions.ts';
import { AUTH_USER_COLUMNS, toAuthUser } from './users.ts';

export type SetRealNameVerifiedInput = { actor: AuthUser; userId: string; verified: boolean };

/** An admin records the outcome of the account's real-name verification (实名认证). */
export async function setRealNameVerified(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  { actor, userId, verified }: SetRealNameVerifiedInput,
): Promise<AuthUser> {
  if (actor.role !== 'admin') throw new DomainError('FORBIDDEN');
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ real_name_verified: verified })
      .where('id', '=', userId)
      .returning(AUTH_USER_COLUMNS)
      .executeTakeFirst();
    if (!updated) return undefined;
    await appendAudit(trx, {
      at: now,
      actor: { id: actor.id, role: actor.role },
      action: 'user.real_name_verification.set',
      details: { userId, verified },
    });
    return updated;
  });
  if (!row) throw new DomainError('NOT_FOUND');
  forgetCachedSessionsOf(userId);
  return toAuthUser(row);
}
