import { sql } from 'kysely';
import { NO_LOCAL_PASSWORD, verifyDummyPassword, verifyPassword } from '../../adapters/auth/password.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import { type AuthUser, isStaffRole } from '../../domain/roles.ts';
import { type SecondFactorState, secondFactorState } from '../../domain/second-factor.ts';
import { type AuditActor, appendAudit } from './audit.ts';
import { createSession, destroySession } from './sessions.ts';
import { AUTH_USER_COLUMNS, normaliseEmail, toAuthUser } from './users.ts';

/**
 * Login throttling (ASVS 6.3.1, security-reliability.md §2.4): from the 5th consecutive failure the typed
 * address is locked for 2^(failures-5) s, capped at 15 min. Attempts during a lock are refused before the
 * password is looked at, so at most ~18 passwords per hour are ever evaluated (well under ASVS 4.0.3's 100),
 * and the lock always expires, so an attacker cannot lock the owner out for good.
 *
 * Only failures are counted, after the password was checked, in one atomic upsert: parallel correct logins
 * never lock the account (issue 6 item 8). The price is that guesses sent in one burst are all evaluated before
 * the first failure lands; the per-IP limit on the route bounds such bursts. The counter is keyed by the
 * address typed, known or not, so a locked real account and an unknown address answer alike (ASVS 6.3.8).
 */
export const LOCK_AFTER_FAILURES = 5;
export const MAX_LOCK_SECONDS = 15 * 60;

/** Blind-index purpose of the throttle key. */
const THROTTLE_PURPOSE = 'login-email';

export type LoginInput = {
  email: string;
  password: string;
  /** Client address for the audit record (MLPS-1). */
  ip?: string;
  /** The session the browser presented, ended on success so an old or planted id never survives a login. */
  previousSessionId?: string;
};

/** `secondFactor`: what the new session still owes before staff routes answer (see domain/second-factor.ts). */
export type LoginResult = { sessionId: string; user: AuthUser; secondFactor: SecondFactorState };

type LoginContext = Pick<AppContext, 'db' | 'clock' | 'config' | 'cipher'>;

const invalidCredentials = () => new DomainError('AUTH_INVALID_CREDENTIALS');

/** The throttle key of a typed address (what the counters are stored under). */
export const loginThrottleKey = (ctx: Pick<AppContext, 'cipher'>, email: string): string =>
  ctx.cipher.blindIndex(THROTTLE_PURPOSE, normaliseEmail(email));

export async function login(ctx: LoginContext, input: LoginInput): Promise<LoginResult> {
  const now = ctx.clock.now();
  const key = loginThrottleKey(ctx, input.email);
  const audit = (actor: AuditActor, action: string, details: Record<string, unknown>) =>
    appendAudit(ctx.db, { at: now, actor, action, details: { ...details, ip: input.ip ?? null } });

  const [throttle, user] = await Promise.all([
    ctx.db.selectFrom('login_throttle').select('locked_until').where('email_bidx', '=', key).executeTakeFirst(),
    ctx.db
      .selectFrom('users')
      .select([...AUTH_USER_COLUMNS, 'password_hash', 'disabled'])
      .where('email', '=', normaliseEmail(input.email))
      .executeTakeFirst(),
  ]);
  const actor: AuditActor = user ? { id: user.id, role: user.role } : { id: null, role: 'anonymous' };

  if (throttle?.locked_until && throttle.locked_until > now) {
    await audit(actor, 'auth.login.refused', { reason: 'locked' });
    const retryAfterSeconds = Math.max(1, Math.ceil((throttle.locked_until.getTime() - now.getTime()) / 1000));
    throw new DomainError('AUTH_TOO_MANY_ATTEMPTS', { details: { retryAfterSeconds } });
  }

  // Unknown addresses cost the same hash as known ones, so timing does not tell them apart either.
  // An account of an identity provider has no local password: it costs the dummy hash and fails like any other.
  const noLocalPassword = user?.password_hash === NO_LOCAL_PASSWORD;
  const passwordOk =
    user && !noLocalPassword
      ? await verifyPassword(user.password_hash, input.password)
      : await verifyDummyPassword(input.password);
  if (!user || !passwordOk || user.disabled) {
    const failures = await recordFailure(ctx, key, now);
    const reason = !user
      ? 'unknown_account'
      : noLocalPassword
        ? 'no_local_password'
        : passwordOk
          ? 'disabled'
          : 'wrong_password';
    await audit(actor, 'auth.login.failure', { reason, consecutiveFailures: failures });
    throw invalidCredentials();
  }
  // With LOCAL_PASSWORD_SIGNIN off applicants sign in at the provider; said only after a correct password.
  if (!ctx.config.LOCAL_PASSWORD_SIGNIN && !isStaffRole(user.role)) {
    await audit(actor, 'auth.login.refused', { reason: 'local_password_signin_off' });
    throw new DomainError('SIGN_IN_METHOD_DISABLED', { details: { method: 'password' } });
  }

  const sessionId = await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('login_throttle').where('email_bidx', '=', key).execute();
    if (input.previousSessionId) await destroySession(trx, input.previousSessionId);
    const id = await createSession(trx, { userId: user.id, role: user.role, now, config: ctx.config });
    await appendAudit(trx, { at: now, actor, action: 'auth.login.success', details: { ip: input.ip ?? null } });
    return id;
  });
  const enrolled = isStaffRole(user.role)
    ? Boolean(
        (await ctx.db.selectFrom('staff_totp').select('enrolled_at').where('user_id', '=', user.id).executeTakeFirst())
          ?.enrolled_at,
      )
    : false;
  const secondFactor = secondFactorState({
    role: user.role,
    required: ctx.config.STAFF_TOTP_REQUIRED,
    verifiedInSession: false,
    enrolled,
  });
  return { sessionId, user: toAuthUser(user), secondFactor };
}

/** One atomic upsert: concurrent failures each add one, and the lock follows from the new count. */
async function recordFailure(ctx: Pick<AppContext, 'db'>, key: string, now: Date): Promise<number> {
  const lockFor = (failures: unknown) => sql<Date | null>`CASE WHEN ${failures} >= ${LOCK_AFTER_FAILURES}
    THEN ${now}::timestamptz + least(power(2, least(${failures} - ${LOCK_AFTER_FAILURES}, 20)),
      ${MAX_LOCK_SECONDS}) * interval '1 second'
    ELSE NULL END`;
  const row = await ctx.db
    .insertInto('login_throttle')
    .values({ email_bidx: key, failed_logins: 1, locked_until: lockFor(sql`1`), updated_at: now })
    .onConflict((oc) =>
      oc.column('email_bidx').doUpdateSet({
        failed_logins: sql`login_throttle.failed_logins + 1`,
        locked_until: lockFor(sql`login_throttle.failed_logins + 1`),
        updated_at: now,
      }),
    )
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  return row.failed_logins;
}
