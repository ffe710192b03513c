import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import type { Config } from '../../config.ts';
import { type AuthUser, isStaffRole, type Role } from '../../domain/roles.ts';
import { type SecondFactorState, secondFactorState } from '../../domain/second-factor.ts';
import { createSessionCache } from './session-cache.ts';
import { toAuthUser } from './users.ts';

/**
 * Server-side sessions (ASVS V7). The id is 256 bits from the CSPRNG and lives only in the cookie; the table
 * stores its SHA-256, so a database leak does not hand out live sessions. A fast hash is enough here because
 * the id has full entropy (nothing to brute-force), unlike a password.
 */
const SESSION_ID_BYTES = 32;
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Staff see unmasked personal data, so their idle limit is 15 minutes (security-reliability.md A12, project
 * choice); applicants and sub-accounts get SESSION_IDLE_MINUTES (30 by default, ASVS 4.0.3 3.3.2).
 */
export const STAFF_IDLE_MINUTES = 15;

type SessionConfig = Pick<Config, 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS'>;

export const sessionLimits = (config: SessionConfig, role: Role): { idleMs: number; absoluteMs: number } => {
  const idleMinutes = isStaffRole(role)
    ? Math.min(config.SESSION_IDLE_MINUTES, STAFF_IDLE_MINUTES)
    : config.SESSION_IDLE_MINUTES;
  return { idleMs: idleMinutes * 60_000, absoluteMs: config.SESSION_ABSOLUTE_HOURS * 3_600_000 };
};

/**
 * A live session's idle deadline slides at most once a minute: without this every authenticated request wrote
 * the sessions row (a WAL write and a row lock on the hot path). The idle limit is therefore honoured to within
 * a minute, and never exceeded: the deadline is computed from the last recorded touch.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export const hashSessionId = (sessionId: string): string => createHash('sha256').update(sessionId).digest('hex');

/** The earlier of the idle and the absolute deadline. */
const expiryOf = (createdAt: Date, lastSeenAt: Date, limits: { idleMs: number; absoluteMs: number }): Date =>
  new Date(Math.min(lastSeenAt.getTime() + limits.idleMs, createdAt.getTime() + limits.absoluteMs));

export type CreateSessionInput = {
  userId: string;
  role: Role;
  now: Date;
  config: SessionConfig;
  /** Set when the session is made after the second factor passed (the id changes on that step). */
  secondFactorAt?: Date;
  /** The identity provider's issuer when the sign-in happened there (for RP-initiated logout). */
  signedInWith?: string;
};

/** Stores a new session and returns its id (for the cookie only; never log it). */
export async function createSession(db: Kysely<Database>, input: CreateSessionInput): Promise<string> {
  const sessionId = randomBytes(SESSION_ID_BYTES).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashSessionId(sessionId),
      user_id: input.userId,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: expiryOf(input.now, input.now, sessionLimits(input.config, input.role)),
      second_factor_at: input.secondFactorAt ?? null,
      signed_in_with: input.signedInWith ?? null,
    })
    .execute();
  return sessionId;
}

const readSessionRow = (db: Kysely<Database>, idHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('staff_totp', 'staff_totp.user_id', 'sessions.user_id')
    .select([
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.second_factor_at',
      'staff_totp.enrolled_at as totp_enrolled_at',
      'users.id',
      'users.email',
      'users.role',
      'users.parent_user_id',
      'users.display_name',
      'users.real_name_verified',
      'users.disabled',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();

/** Resolved sessions of this process (see session-cache.ts); forgotten whenever a session or its user changes. */
const sessionCache = createSessionCache<NonNullable<Awaited<ReturnType<typeof readSessionRow>>>>();

/** Forgets what this process remembers of a user's sessions: call after changing the user's row. */
export const forgetCachedSessionsOf = (userId: string): void => sessionCache.forgetUser(userId);

/**
 * The user behind a session id, or null when the id is unknown, idle for too long, past its absolute
 * lifetime, or the user is disabled (ASVS 7.3.1, 7.3.2, 7.4.2). A live session slides its idle deadline
 * (at most once a minute, see SESSION_TOUCH_INTERVAL_MS).
 */
export async function resolveSession(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  sessionId: string | undefined,
): Promise<AuthUser | null> {
  return (await resolveSessionState(ctx, sessionId))?.user ?? null;
}

export type SessionState = { user: AuthUser; secondFactor: SecondFactorState };

/** resolveSession, plus what the session still owes of the staff second factor. */
export async function resolveSessionState(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  sessionId: string | undefined,
): Promise<SessionState | null> {
  if (!sessionId || !SESSION_ID_PATTERN.test(sessionId)) return null;
  const idHash = hashSessionId(sessionId);
  const ttlMs = ctx.config.SESSION_CACHE_MS;
  const row = (ttlMs > 0 ? sessionCache.get(idHash, ttlMs) : undefined) ?? (await readSessionRow(ctx.db, idHash));
  if (!row) return null;

  const now = ctx.clock.now();
  const limits = sessionLimits(ctx.config, row.role);
  if (row.disabled || now.getTime() >= expiryOf(row.created_at, row.last_seen_at, limits).getTime()) {
    sessionCache.forget(idHash);
    await ctx.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: expiryOf(row.created_at, now, limits) })
      .where('id_hash', '=', idHash)
      .execute();
    row.last_seen_at = now;
  }
  if (ttlMs > 0) sessionCache.set(idHash, row.id, row);
  const secondFactor = secondFactorState({
    role: row.role,
    required: ctx.config.STAFF_TOTP_REQUIRED,
    verifiedInSession: row.second_factor_at !== null,
    enrolled: row.totp_enrolled_at !== null,
  });
  return { user: toAuthUser(row), secondFactor };
}

/** The issuer a session was signed in with (null: password, or unknown session). */
export async function sessionSignedInWith(db: Kysely<Database>, sessionId: string): Promise<string | null> {
  const row = await db
    .selectFrom('sessions')
    .select('signed_in_with')
    .where('id_hash', '=', hashSessionId(sessionId))
    .executeTakeFirst();
  return row?.signed_in_with ?? null;
}

/** Ends one session; unknown ids are ignored. */
export async function destroySession(db: Kysely<Database>, sessionId: string): Promise<void> {
  sessionCache.forget(hashSessionId(sessionId));
  await db.deleteFrom('sessions').where('id_hash', '=', hashSessionId(sessionId)).execute();
}

/** Ends every session of a user (disable, password change); returns how many were ended. */
export async function destroyUserSessions(db: Kysely<Database>, userId: string): Promise<number> {
  sessionCache.forgetUser(userId);
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Housekeeping for a periodic job: expired rows are already refused by resolveSession. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
