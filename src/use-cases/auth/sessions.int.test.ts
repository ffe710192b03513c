import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/support/test-context.ts';
import type { AppContext } from '../../app-context.ts';
import type { ManualClock } from '../../domain/ports/clock.ts';
import type { Role } from '../../domain/roles.ts';
import { createUser } from './create-user.ts';
import { login } from './login.ts';
import {
  deleteExpiredSessions,
  destroySession,
  destroyUserSessions,
  hashSessionId,
  resolveSession,
  SESSION_TOUCH_INTERVAL_MS,
  STAFF_IDLE_MINUTES,
} from './sessions.ts';
import { setRealNameVerified } from './set-real-name-verified.ts';

let ctx: AppContext;
let clock: ManualClock;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ctx, clock, close } = await createTestContext());
});
afterAll(() => close());

const MINUTE = 60_000;
const PASSWORD = 'correct-horse-42-battery';
let counter = 0;

const signIn = async (role: Role = 'applicant') => {
  const email = `session-${role}-${++counter}@example.com`;
  const user = await createUser(ctx, { email, password: PASSWORD, role, displayName: 'S' });
  const { sessionId } = await login(ctx, { email, password: PASSWORD });
  return { user, sessionId };
};

describe('sessions', () => {
  it('asvs-7.2.4 stores only the SHA-256 of the session id', async () => {
    const { sessionId, user } = await signIn();
    const rows = await ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id_hash).toBe(hashSessionId(sessionId));
    expect(JSON.stringify(rows)).not.toContain(sessionId);
  });

  it('asvs-7.2.4 login with a presented session ends that session', async () => {
    const { sessionId, user } = await signIn();
    const again = await login(ctx, { email: user.email, password: PASSWORD, previousSessionId: sessionId });
    expect(await resolveSession(ctx, sessionId)).toBeNull();
    expect(await resolveSession(ctx, again.sessionId)).toMatchObject({ id: user.id });
  });

  it('refuses unknown and malformed ids without failing', async () => {
    expect(await resolveSession(ctx, undefined)).toBeNull();
    expect(await resolveSession(ctx, 'x'.repeat(43))).toBeNull();
    expect(await resolveSession(ctx, "' OR 1=1 --")).toBeNull();
  });

  it('asvs-7.3.1 an applicant session ends after 30 idle minutes and slides while used', async () => {
    const { sessionId, user } = await signIn();
    clock.advance(29 * MINUTE);
    expect(await resolveSession(ctx, sessionId)).toMatchObject({ id: user.id });
    clock.advance(29 * MINUTE);
    expect(await resolveSession(ctx, sessionId)).toMatchObject({ id: user.id });
    clock.advance(30 * MINUTE);
    expect(await resolveSession(ctx, sessionId)).toBeNull();
    // An ended session stays ended even if the clock were to go back.
    clock.advance(-10 * MINUTE);
    expect(await resolveSession(ctx, sessionId)).toBeNull();
  });

  it('writes the session row at most once a minute, not on every request', async () => {
    const { sessionId, user } = await signIn();
    const lastSeen = async () =>
      (
        await ctx.db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('user_id', '=', user.id)
          .executeTakeFirstOrThrow()
      ).last_seen_at.getTime();
    const atLogin = await lastSeen();
    clock.advance(SESSION_TOUCH_INTERVAL_MS - 1000);
    expect(await resolveSession(ctx, sessionId)).toMatchObject({ id: user.id });
    expect(await resolveSession(ctx, sessionId)).toMatchObject({ id: user.id });
    expect(await lastSeen()).toBe(atLogin);
    clock.advance(1000);
    expect(await resolveSession(ctx, sessionId)).toMatchObject({ id: user.id });
    expect(await lastSeen()).toBe(atLogin + SESSION_TOUCH_INTERVAL_MS);
  });

  it('asvs-7.3.1 staff sessions end after 15 idle minutes', async () => {
    for (const role of ['reviewer', 'admin'] as const) {
      const { sessionId } = await signIn(role);
      clock.advance((STAFF_IDLE_MINUTES - 1) * MINUTE);
      expect(await resolveSession(ctx, sessionId)).not.toBeNull();
      clock.advance(STAFF_IDLE_MINUTES * MINUTE);
      expect(await resolveSession(ctx, sessionId)).toBeNull();
    }
  });

  it('asvs-7.3.2 a session ends 12 hours after login however active it is', async () => {
    const { sessionId } = await signIn();
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      clock.advance(20 * MINUTE);
      expect(await resolveSession(ctx, sessionId)).not.toBeNull();
    }
    clock.advance(20 * MINUTE); // now 12 h after login
    expect(await resolveSession(ctx, sessionId)).toBeNull();
  });

  it('asvs-7.4.1 a destroyed session is refused', async () => {
    const { sessionId } = await signIn();
    await destroySession(ctx.db, sessionId);
    expect(await resolveSession(ctx, sessionId)).toBeNull();
  });

  it('asvs-7.4.2 disabling an account or ending all its sessions refuses its cookies', async () => {
    const first = await signIn();
    await ctx.db.updateTable('users').set({ disabled: true }).where('id', '=', first.user.id).execute();
    expect(await resolveSession(ctx, first.sessionId)).toBeNull();

    const second = await signIn();
    const other = await login(ctx, { email: second.user.email, password: PASSWORD });
    expect(await destroyUserSessions(ctx.db, second.user.id)).toBe(2);
    expect(await resolveSession(ctx, second.sessionId)).toBeNull();
    expect(await resolveSession(ctx, other.sessionId)).toBeNull();
  });

  it('deleteExpiredSessions removes only expired rows', async () => {
    const old = await signIn();
    clock.advance(31 * MINUTE);
    const fresh = await signIn();
    await deleteExpiredSessions(ctx.db, clock.now());
    const left = await ctx.db.selectFrom('sessions').select('id_hash').execute();
    const hashes = left.map((r) => r.id_hash);
    expect(hashes).not.toContain(hashSessionId(old.sessionId));
    expect(hashes).toContain(hashSessionId(fresh.sessionId));
  });
});

describe('sessions remembered by the process (SESSION_CACHE_MS)', () => {
  let cached: AppContext;
  let cachedClock: ManualClock;
  let closeCached: () => Promise<void>;
  beforeAll(async () => {
    ({
      ctx: cached,
      clock: cachedClock,
      close: closeCached,
    } = await createTestContext({
      config: { SESSION_CACHE_MS: '9000' },
    }));
  });
  afterAll(() => closeCached());

  const signInCached = async () => {
    const email = `cached-${++counter}@example.com`;
    const user = await createUser(cached, { email, password: PASSWORD, role: 'applicant', displayName: 'C' });
    const { sessionId } = await login(cached, { email, password: PASSWORD });
    return { user, sessionId };
  };

  it('answers a repeated resolution from memory, and a logout in this process at once', async () => {
    const { user, sessionId } = await signInCached();
    expect((await resolveSession(cached, sessionId))?.id).toBe(user.id);
    // Removed behind the cache's back: still remembered, which shows the second read did not query.
    await cached.db.deleteFrom('sessions').where('id_hash', '=', hashSessionId(sessionId)).execute();
    expect((await resolveSession(cached, sessionId))?.id).toBe(user.id);
    await destroySession(cached.db, sessionId);
    expect(await resolveSession(cached, sessionId)).toBeNull();
  });

  it('still ends an idle session on time, and forgets a user whose row changed', async () => {
    const { user, sessionId } = await signInCached();
    expect((await resolveSession(cached, sessionId))?.realNameVerified).toBe(false);
    const admin = await createUser(cached, {
      email: `cached-admin-${++counter}@example.com`,
      password: PASSWORD,
      role: 'admin',
      displayName: 'A',
    });
    await setRealNameVerified(cached, { actor: admin, userId: user.id, verified: true });
    expect((await resolveSession(cached, sessionId))?.realNameVerified).toBe(true);

    cachedClock.advance(31 * MINUTE);
    expect(await resolveSession(cached, sessionId)).toBeNull();
    expect(await destroyUserSessions(cached.db, user.id)).toBe(0);
  });
});
