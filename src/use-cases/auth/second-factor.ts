import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { matchTotpStep, newTotpSecret, totpUri } from '../../adapters/auth/totp.ts';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import { type AuthUser, isStaffRole } from '../../domain/roles.ts';
import { lockAfterFailure, RECOVERY_CODE_COUNT, SECOND_FACTOR_LOCK_AFTER } from '../../domain/second-factor.ts';
import { type AuditActor, appendAudit } from './audit.ts';
import { createSession, destroySession, destroyUserSessions } from './sessions.ts';

/**
 * The staff second factor (TOTP): enrolment, sign-in verification with a code or a recovery code, and the
 * admin's reset. Every attempt runs in one transaction holding the authenticator's row (FOR UPDATE), so parallel
 * guesses each count and one code is accepted at most once. Passing the second factor replaces the session with a
 * new one (new id, ASVS 7.2.4); the old id is worthless afterwards.
 */
type SecondFactorContext = Pick<AppContext, 'db' | 'clock' | 'config' | 'cipher'>;

export type SecondFactorSession = { user: AuthUser; sessionId: string; ip?: string };

const RECOVERY_PURPOSE = 'staff-recovery-code';
/** No 0/O, 1/I/L: recovery codes are copied by hand from paper too. */
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const RECOVERY_HALF = 5;

/** `XXXXX-XXXXX`: 10 symbols of 31, about 49 bits, far beyond reach at 5 tries per 15 minutes. */
export function newRecoveryCode(): string {
  const half = () => Array.from({ length: RECOVERY_HALF }, () => RECOVERY_ALPHABET[randomInt(31)]).join('');
  return `${half()}-${half()}`;
}

/** Keyed hash (HMAC under the PI key) of a recovery code, ignoring case, spaces and dashes. */
export const recoveryCodeHash = (ctx: Pick<AppContext, 'cipher'>, code: string): string =>
  ctx.cipher.blindIndex(RECOVERY_PURPOSE, code.replace(/[\s-]/g, '').toUpperCase());

const actorOf = (user: AuthUser): AuditActor => ({ id: user.id, role: user.role });

function assertStaff(user: AuthUser): void {
  if (!isStaffRole(user.role)) throw new DomainError('FORBIDDEN', { details: { reason: 'staff_only' } });
}

const readTotpForUpdate = (trx: Kysely<Database>, userId: string) =>
  trx.selectFrom('staff_totp').selectAll().where('user_id', '=', userId).forUpdate().executeTakeFirst();

type TotpRow = NonNullable<Awaited<ReturnType<typeof readTotpForUpdate>>>;

const lockedError = (lockedUntil: Date, now: Date) =>
  new DomainError('SECOND_FACTOR_LOCKED', {
    details: {
      lockedUntil: lockedUntil.toISOString(),
      retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)),
    },
  });

/** An attempt's outcome; errors are thrown after the transaction commits, so a failure's count is kept. */
type Attempt<T> = { ok: true; value: T } | { ok: false; error: DomainError };

async function recordFailure(
  trx: Kysely<Database>,
  row: TotpRow,
  actor: AuditActor,
  now: Date,
  details: { reason: 'wrong' | 'reused'; method: 'totp' | 'recovery_code'; ip: string | null },
): Promise<DomainError> {
  const failures = row.failed_attempts + 1;
  const lockedUntil = lockAfterFailure(failures, now);
  // The lock starts a fresh count, so after it expires there are again SECOND_FACTOR_LOCK_AFTER tries.
  await trx
    .updateTable('staff_totp')
    .set({ failed_attempts: lockedUntil ? 0 : failures, locked_until: lockedUntil, updated_at: now })
    .where('user_id', '=', row.user_id)
    .execute();
  await appendAudit(trx, {
    at: now,
    actor,
    action: 'auth.second_factor.failure',
    details: { ...details, consecutiveFailures: failures },
  });
  if (lockedUntil) {
    await appendAudit(trx, {
      at: now,
      actor,
      action: 'auth.second_factor.locked',
      details: { lockedUntil: lockedUntil.toISOString(), ip: details.ip },
    });
    return lockedError(lockedUntil, now);
  }
  return new DomainError('SECOND_FACTOR_INVALID_CODE', {
    details: { reason: details.reason, attemptsLeft: SECOND_FACTOR_LOCK_AFTER - failures },
  });
}

async function refuseIfLocked(trx: Kysely<Database>, row: TotpRow, actor: AuditActor, now: Date, ip: string | null) {
  if (!row.locked_until || row.locked_until <= now) return null;
  await appendAudit(trx, { at: now, actor, action: 'auth.second_factor.refused', details: { reason: 'locked', ip } });
  return lockedError(row.locked_until, now);
}

/** The session that replaces the presented one once the second factor passed. */
async function upgradeSession(
  ctx: SecondFactorContext,
  trx: Kysely<Database>,
  session: SecondFactorSession,
  now: Date,
) {
  await destroySession(trx, session.sessionId);
  return createSession(trx, {
    userId: session.user.id,
    role: session.user.role,
    now,
    config: ctx.config,
    secondFactorAt: now,
  });
}

const unwrap = <T>(attempt: Attempt<T>): T => {
  if (!attempt.ok) throw attempt.error;
  return attempt.value;
};

export type EnrolmentStart = { otpauthUri: string; secret: string };

/**
 * A new secret for a staff member without a confirmed authenticator (calling again replaces it, e.g. after
 * scanning into the wrong phone). The lock and its counter survive a restart.
 */
export async function startEnrolment(ctx: SecondFactorContext, session: SecondFactorSession): Promise<EnrolmentStart> {
  assertStaff(session.user);
  const now = ctx.clock.now();
  const secret = newTotpSecret();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await readTotpForUpdate(trx, session.user.id);
    if (row?.enrolled_at) throw new DomainError('SECOND_FACTOR_ALREADY_ENROLLED');
    await trx
      .insertInto('staff_totp')
      .values({ user_id: session.user.id, secret_enc: ctx.cipher.encryptJson(secret), updated_at: now })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ secret_enc: ctx.cipher.encryptJson(secret), updated_at: now }),
      )
      .execute();
    await appendAudit(trx, {
      at: now,
      actor: actorOf(session.user),
      action: 'auth.second_factor.enrolment_started',
      details: { ip: session.ip ?? null },
    });
  });
  return { otpauthUri: totpUri(secret, session.user.email), secret };
}

export type EnrolmentConfirmed = { sessionId: string; recoveryCodes: string[] };

/** The first code from the app confirms the authenticator; the recovery codes are returned this once only. */
export async function confirmEnrolment(
  ctx: SecondFactorContext,
  session: SecondFactorSession,
  code: string,
): Promise<EnrolmentConfirmed> {
  assertStaff(session.user);
  const now = ctx.clock.now();
  const actor = actorOf(session.user);
  const ip = session.ip ?? null;
  const attempt = await ctx.db.transaction().execute(async (trx): Promise<Attempt<EnrolmentConfirmed>> => {
    const row = await readTotpForUpdate(trx, session.user.id);
    if (!row) return { ok: false, error: new DomainError('SECOND_FACTOR_NOT_ENROLLED') };
    if (row.enrolled_at) return { ok: false, error: new DomainError('SECOND_FACTOR_ALREADY_ENROLLED') };
    const locked = await refuseIfLocked(trx, row, actor, now, ip);
    if (locked) return { ok: false, error: locked };
    const step = matchTotpStep(ctx.cipher.decryptJson<string>(row.secret_enc), code.trim(), now);
    if (step === null) {
      return { ok: false, error: await recordFailure(trx, row, actor, now, { reason: 'wrong', method: 'totp', ip }) };
    }
    await trx
      .updateTable('staff_totp')
      .set({ enrolled_at: now, last_used_step: step, failed_attempts: 0, locked_until: null, updated_at: now })
      .where('user_id', '=', row.user_id)
      .execute();
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await trx.deleteFrom('staff_recovery_codes').where('user_id', '=', row.user_id).execute();
    await trx
      .insertInto('staff_recovery_codes')
      .values(recoveryCodes.map((c) => ({ user_id: row.user_id, code_hash: recoveryCodeHash(ctx, c), used_at: null })))
      .execute();
    const sessionId = await upgradeSession(ctx, trx, session, now);
    await appendAudit(trx, { at: now, actor, action: 'auth.second_factor.enrolled', details: { ip } });
    return { ok: true, value: { sessionId, recoveryCodes } };
  });
  return unwrap(attempt);
}

export type VerifyInput = { code: string } | { recoveryCode: string };

/**
 * Sign-in's second step: a code from the app (refused when its step, or a later one, was already used) or one
 * unused recovery code (used up by this call). Returns the new session id.
 */
export async function verifySecondFactor(
  ctx: SecondFactorContext,
  session: SecondFactorSession,
  input: VerifyInput,
): Promise<{ sessionId: string; recoveryCodesLeft: number | null }> {
  assertStaff(session.user);
  const now = ctx.clock.now();
  const actor = actorOf(session.user);
  const ip = session.ip ?? null;
  const method = 'code' in input ? 'totp' : 'recovery_code';
  const attempt = await ctx.db.transaction().execute(async (trx) => {
    const row = await readTotpForUpdate(trx, session.user.id);
    if (!row?.enrolled_at) return { ok: false, error: new DomainError('SECOND_FACTOR_NOT_ENROLLED') } as const;
    const locked = await refuseIfLocked(trx, row, actor, now, ip);
    if (locked) return { ok: false, error: locked } as const;

    let recoveryCodesLeft: number | null = null;
    if ('code' in input) {
      const step = matchTotpStep(ctx.cipher.decryptJson<string>(row.secret_enc), input.code.trim(), now);
      if (step === null || (row.last_used_step !== null && step <= row.last_used_step)) {
        const reason = step === null ? 'wrong' : 'reused';
        return { ok: false, error: await recordFailure(trx, row, actor, now, { reason, method, ip }) } as const;
      }
      await trx
        .updateTable('staff_totp')
        .set({ last_used_step: step, failed_attempts: 0, updated_at: now })
        .where('user_id', '=', row.user_id)
        .execute();
    } else {
      const used = await trx
        .updateTable('staff_recovery_codes')
        .set({ used_at: now })
        .where('user_id', '=', row.user_id)
        .where('code_hash', '=', recoveryCodeHash(ctx, input.recoveryCode))
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) {
        return {
          ok: false,
          error: await recordFailure(trx, row, actor, now, { reason: 'wrong', method, ip }),
        } as const;
      }
      await trx
        .updateTable('staff_totp')
        .set({ failed_attempts: 0, updated_at: now })
        .where('user_id', '=', row.user_id)
        .execute();
      const left = await trx
        .selectFrom('staff_recovery_codes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', row.user_id)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      recoveryCodesLeft = Number(left.n);
    }
    const sessionId = await upgradeSession(ctx, trx, session, now);
    await appendAudit(trx, {
      at: now,
      actor,
      action: 'auth.second_factor.verified',
      details: { method, ip, ...(recoveryCodesLeft === null ? {} : { recoveryCodesLeft }) },
    });
    return { ok: true, value: { sessionId, recoveryCodesLeft } } as const;
  });
  return unwrap<{ sessionId: string; recoveryCodesLeft: number | null }>(attempt);
}

/**
 * An admin removes a staff member's authenticator and recovery codes (lost phone): the member's sessions end
 * and the next sign-in enrols afresh.
 */
export async function resetSecondFactor(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  input: { actor: AuthUser; userId: string; ip?: string },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const target = await trx.selectFrom('users').select('role').where('id', '=', input.userId).executeTakeFirst();
    if (!target || !isStaffRole(target.role))
      throw new DomainError('NOT_FOUND', { details: { reason: 'no_staff_user' } });
    const removed = await trx.deleteFrom('staff_totp').where('user_id', '=', input.userId).executeTakeFirst();
    await trx.deleteFrom('staff_recovery_codes').where('user_id', '=', input.userId).execute();
    const sessionsEnded = await destroyUserSessions(trx, input.userId);
    await appendAudit(trx, {
      at: now,
      actor: actorOf(input.actor),
      action: 'auth.second_factor.reset',
      details: {
        userId: input.userId,
        hadAuthenticator: Number(removed.numDeletedRows) > 0,
        sessionsEnded,
        ip: input.ip ?? null,
      },
    });
  });
}
