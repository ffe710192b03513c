import { sql } from 'kysely';
import { verifyDummyPassword, verifyPassword } from '../../adapters/auth/password.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { type AuditActor, appendAudit } from './audit.ts';
import { createSession, destroySession } from './sessions.ts';
import { AUTH_USER_COLUMNS, normaliseEmail, toAuthUser } from './users.ts';

/**
 * Login throttling (ASVS 6.3.1, security-reliability.md §2.4): from the 5th consecutive failure the account is
 * locked for 2^(failures-5) s, capped at 15 min. Attempts during a lock are refused before the password is
 * looked at, so at most ~18 passwords per hour are ever evaluated (well under ASVS 4.0.3's 100), and the
 * lock always expires, so an attacker cannot lock the owner out for good.
 */
export const LOCK_AFTER_FAILURES = 5;
export const MAX_LOCK_SECONDS = 15 * 60;

export type LoginInput = {
  email: string;
  password: string;
  /** Client address for the audit record (MLPS-1). */
  ip?: string;
  /** The session the browser presented, ended on success so an old or planted id never survives a login. */
  previousSessionId?: string;
};

export type LoginResult = { sessionId: string; user: AuthUser };

const invalidCredentials = () => new DomainError('AUTH_INVALID_CREDENTIALS');

export async function login(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, input: LoginInput): Promise<LoginResult> {
  const now = ctx.clock.now();
  const audit = (actor: AuditActor, action: string, details: Record<string, unknown>) =>
    appendAudit(ctx.db, { at: now, actor, action, details: { ...details, ip: input.ip ?? null } });

  const user = await ctx.db
    .selectFrom('users')
    .select([...AUTH_USER_COLUMNS, 'password_hash', 'disabled', 'locked_until'])
    .where('email', '=', normaliseEmail(input.email))
    .executeTakeFirst();
  if (!user) {
    // Same work and the same answer as a wrong password: the response does not reveal unknown e-mails.
    await verifyDummyPassword(input.password);
    await audit({ id: null, role: 'anonymous' }, 'auth.login.failure', { reason: 'unknown_account' });
    throw invalidCredentials();
  }
  const actor = { id: user.id, role: user.role };

  // Count the attempt before evaluating it, in one atomic statement, so parallel guesses cannot all slip
  // through before the first failure is recorded. A correct password below resets the count.
  const charged = await ctx.db
    .updateTable('users')
    .set((eb) => ({
      failed_logins: eb('failed_logins', '+', 1),
      locked_until: sql<Date | null>`CASE WHEN failed_logins + 1 >= ${LOCK_AFTER_FAILURES}
        THEN ${now}::timestamptz + least(power(2, least(failed_logins + 1 - ${LOCK_AFTER_FAILURES}, 20)),
          ${MAX_LOCK_SECONDS}) * interval '1 second'
        ELSE NULL END`,
    }))
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('failed_logins')
    .executeTakeFirst();
  if (!charged) {
    await audit(actor, 'auth.login.refused', { reason: 'locked' });
    const retryAfterSeconds = user.locked_until
      ? Math.max(1, Math.ceil((user.locked_until.getTime() - now.getTime()) / 1000))
      : 1;
    throw new DomainError('AUTH_TOO_MANY_ATTEMPTS', { details: { retryAfterSeconds } });
  }

  const passwordOk = await verifyPassword(user.password_hash, input.password);
  if (!passwordOk || user.disabled) {
    const reason = passwordOk ? 'disabled' : 'wrong_password';
    await audit(actor, 'auth.login.failure', { reason, consecutiveFailures: charged.failed_logins });
    throw invalidCredentials();
  }

  const sessionId = await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    if (input.previousSessionId) await destroySession(trx, input.previousSessionId);
    const id = await createSession(trx, { userId: user.id, role: user.role, now, config: ctx.config });
    await appendAudit(trx, { at: now, actor, action: 'auth.login.success', details: { ip: input.ip ?? null } });
    return id;
  });
  return { sessionId, user: toAuthUser(user) };
}
