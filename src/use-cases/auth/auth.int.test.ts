import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/support/test-context.ts';
import { verifyAuditChain } from '../../adapters/db/audit-log.ts';
import { listDevEmailOutbox } from '../../adapters/notifications/email-sender.outbox.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError, type ErrorCode } from '../../domain/errors.ts';
import type { ManualClock } from '../../domain/ports/clock.ts';
import { createSubAccount } from './create-sub-account.ts';
import { createUser } from './create-user.ts';
import { LOCK_AFTER_FAILURES, login, loginThrottleKey, MAX_LOCK_SECONDS } from './login.ts';
import { REGISTRATION_ACCEPTED, registerApplicant } from './register-applicant.ts';
import { setRealNameVerified } from './set-real-name-verified.ts';

let ctx: AppContext;
let clock: ManualClock;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ctx, clock, close } = await createTestContext());
});
afterAll(() => close());

let counter = 0;
const email = (tag: string) => `${tag}-${++counter}@Example.COM`;
const PASSWORD = 'correct-horse-42-battery';

const errorCode = async (p: Promise<unknown>): Promise<ErrorCode | 'resolved'> => {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
};

const newApplicant = (tag = 'applicant') =>
  createUser(ctx, { email: email(tag), password: PASSWORD, role: 'applicant', displayName: '测试用户', actor: 'self' });

const mailTo = async (address: string) => {
  const items = await listDevEmailOutbox(ctx.db, ctx.cipher, 1000);
  return items.filter((m) => m.to === address.trim().toLowerCase());
};

describe('registration and user creation', () => {
  it('registers an applicant with a normalised e-mail, not yet real-name verified, who signs in next', async () => {
    const answer = await registerApplicant(ctx, {
      email: '  Zhang.San@Example.COM ',
      password: PASSWORD,
      displayName: ' 张三 ',
    });
    expect(answer).toEqual(REGISTRATION_ACCEPTED);
    const { user } = await login(ctx, { email: 'zhang.san@example.com', password: PASSWORD });
    expect(user).toMatchObject({ email: 'zhang.san@example.com', role: 'applicant', displayName: '张三' });
    expect(user.realNameVerified).toBe(false);
    expect(user.accountId).toBe(user.id);
    expect(await mailTo('zhang.san@example.com')).toHaveLength(1);
  });

  it('issue-6.9 a taken address (any case) gets the same answer, no change, and a notice by e-mail', async () => {
    const e = email('dup');
    const first = await registerApplicant(ctx, { email: e, password: PASSWORD, displayName: 'a' });
    const second = await registerApplicant(ctx, {
      email: e.toUpperCase(),
      password: 'another-password-99',
      displayName: 'b',
    });
    expect(second).toEqual(first);
    // The owner's password and name are untouched.
    expect((await login(ctx, { email: e, password: PASSWORD })).user.displayName).toBe('a');
    expect(await errorCode(login(ctx, { email: e, password: 'another-password-99' }))).toBe('AUTH_INVALID_CREDENTIALS');
    const mails = await mailTo(e);
    expect(mails).toHaveLength(2);
    expect(mails.some((m) => m.text.includes('有人尝试使用本邮箱注册'))).toBe(true);
    expect(await ctx.db.selectFrom('users').select('id').where('email', '=', e.toLowerCase()).execute()).toHaveLength(
      1,
    );
  });

  it('issue-6.9 admins and the CLI still learn that an address is taken', async () => {
    const e = email('admin-dup');
    await createUser(ctx, { email: e, password: PASSWORD, role: 'reviewer', displayName: 'R' });
    expect(await errorCode(createUser(ctx, { email: e, password: PASSWORD, role: 'reviewer', displayName: 'R' }))).toBe(
      'AUTH_EMAIL_TAKEN',
    );
  });

  it('issue-6.12 refuses a password equal to the e-mail, all-whitespace, or a demo one at registration', async () => {
    const e = email('policy');
    for (const password of [e.toUpperCase(), ' '.repeat(16), 'Beian-Demo-Applicant-2026']) {
      expect(await errorCode(registerApplicant(ctx, { email: e, password, displayName: 'x' }))).toBe(
        'AUTH_WEAK_PASSWORD',
      );
    }
    expect(await mailTo(e)).toHaveLength(0);
  });

  it('asvs-6.2.1 asvs-6.2.4 refuses weak passwords at registration', async () => {
    for (const password of ['elevenchars', 'Password1234', '123456789012']) {
      expect(await errorCode(registerApplicant(ctx, { email: email('weak'), password, displayName: 'x' }))).toBe(
        'AUTH_WEAK_PASSWORD',
      );
    }
  });

  it('creates users of any role, optionally verified', async () => {
    const reviewer = await createUser(ctx, {
      email: email('rev'),
      password: PASSWORD,
      role: 'reviewer',
      displayName: 'R',
      realNameVerified: true,
    });
    expect(reviewer).toMatchObject({ role: 'reviewer', realNameVerified: true });
  });

  it('only sub-accounts have a parent, and the parent must be an applicant', async () => {
    const applicant = await newApplicant();
    const reviewer = await createUser(ctx, {
      email: email('r'),
      password: PASSWORD,
      role: 'reviewer',
      displayName: 'R',
    });
    const base = { password: PASSWORD, displayName: 'S' };
    expect(await errorCode(createUser(ctx, { ...base, email: email('s'), role: 'sub_account' }))).toBe('FORBIDDEN');
    expect(
      await errorCode(createUser(ctx, { ...base, email: email('s'), role: 'reviewer', parentUserId: applicant.id })),
    ).toBe('FORBIDDEN');
    expect(
      await errorCode(createUser(ctx, { ...base, email: email('s'), role: 'sub_account', parentUserId: reviewer.id })),
    ).toBe('FORBIDDEN');
  });

  it('asvs-8.2.1 a sub-account acts on its applicant account; only applicants create them', async () => {
    const applicant = await newApplicant();
    const sub = await createSubAccount(ctx, {
      parent: applicant,
      email: email('sub'),
      password: PASSWORD,
      displayName: 'S',
    });
    expect(sub).toMatchObject({ role: 'sub_account', accountId: applicant.id, realNameVerified: false });
    expect(
      await errorCode(
        createSubAccount(ctx, { parent: sub, email: email('sub'), password: PASSWORD, displayName: 'S' }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('admins set the real-name flag; others cannot; unknown users are not found', async () => {
    const admin = await createUser(ctx, { email: email('adm'), password: PASSWORD, role: 'admin', displayName: 'A' });
    const applicant = await newApplicant();
    const updated = await setRealNameVerified(ctx, { actor: admin, userId: applicant.id, verified: true });
    expect(updated.realNameVerified).toBe(true);
    expect(await errorCode(setRealNameVerified(ctx, { actor: applicant, userId: applicant.id, verified: true }))).toBe(
      'FORBIDDEN',
    );
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await errorCode(setRealNameVerified(ctx, { actor: admin, userId: unknown, verified: true }))).toBe(
      'NOT_FOUND',
    );
  });
});

describe('login', () => {
  it('asvs-7.2.3 returns a new 256-bit session id on every login', async () => {
    const user = await newApplicant();
    const a = await login(ctx, { email: user.email, password: PASSWORD });
    const b = await login(ctx, { email: user.email.toUpperCase(), password: PASSWORD });
    expect(a.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.sessionId).not.toBe(b.sessionId);
    expect(a.user).toEqual(user);
  });

  it('asvs-6.3.8 gives the same error for a wrong password, an unknown e-mail and a disabled account', async () => {
    const user = await newApplicant();
    expect(await errorCode(login(ctx, { email: user.email, password: `${PASSWORD}x` }))).toBe(
      'AUTH_INVALID_CREDENTIALS',
    );
    expect(await errorCode(login(ctx, { email: 'nobody@example.com', password: PASSWORD }))).toBe(
      'AUTH_INVALID_CREDENTIALS',
    );
    await ctx.db.updateTable('users').set({ disabled: true }).where('id', '=', user.id).execute();
    expect(await errorCode(login(ctx, { email: user.email, password: PASSWORD }))).toBe('AUTH_INVALID_CREDENTIALS');
  });

  const throttleOf = (address: string) =>
    ctx.db
      .selectFrom('login_throttle')
      .select(['failed_logins', 'locked_until'])
      .where('email_bidx', '=', loginThrottleKey(ctx, address))
      .executeTakeFirst();
  const setFailures = (address: string, failures: number) =>
    ctx.db
      .insertInto('login_throttle')
      .values({ email_bidx: loginThrottleKey(ctx, address), failed_logins: failures, updated_at: clock.now() })
      .execute();

  it('asvs-6.3.1 backs off exponentially after 5 failures without evaluating locked attempts', async () => {
    const user = await newApplicant();
    const attempt = (password = 'wrong-password-123') => errorCode(login(ctx, { email: user.email, password }));
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++) expect(await attempt()).toBe('AUTH_INVALID_CREDENTIALS');
    // The 5th failure locks for 2^0 = 1 s, the 6th for 2 s, the 7th for 4 s.
    expect(await attempt()).toBe('AUTH_INVALID_CREDENTIALS');
    for (const lockSeconds of [1, 2, 4]) {
      expect(await attempt(PASSWORD)).toBe('AUTH_TOO_MANY_ATTEMPTS'); // even the right password is not looked at
      clock.advance(lockSeconds * 1000 - 1);
      expect(await attempt()).toBe('AUTH_TOO_MANY_ATTEMPTS');
      clock.advance(1);
      if (lockSeconds < 4) expect(await attempt()).toBe('AUTH_INVALID_CREDENTIALS');
    }
    // After the window the right password works and clears the counter.
    expect((await login(ctx, { email: user.email, password: PASSWORD })).user.id).toBe(user.id);
    expect(await throttleOf(user.email)).toBeUndefined();
  });

  it('asvs-6.3.1 caps the lock at 15 minutes and reports when to retry', async () => {
    const user = await newApplicant();
    await setFailures(user.email, 40);
    expect(await errorCode(login(ctx, { email: user.email, password: 'wrong-password-123' }))).toBe(
      'AUTH_INVALID_CREDENTIALS',
    );
    const error = await login(ctx, { email: user.email, password: PASSWORD }).catch((e: DomainError) => e);
    expect(error).toMatchObject({ code: 'AUTH_TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: MAX_LOCK_SECONDS } });
    clock.advance(MAX_LOCK_SECONDS * 1000);
    expect((await login(ctx, { email: user.email, password: PASSWORD })).user.id).toBe(user.id);
  });

  it('asvs-6.3.1 evaluates at most 100 of 101 wrong passwords in an hour; the owner gets in afterwards', async () => {
    const user = await newApplicant();
    let evaluated = 0;
    for (let i = 0; i < 101; i++) {
      if (
        (await errorCode(login(ctx, { email: user.email, password: `guess-number-${i}` }))) ===
        'AUTH_INVALID_CREDENTIALS'
      )
        evaluated++;
      clock.advance(35_000); // 101 attempts in 59 minutes
    }
    expect(evaluated).toBeLessThanOrEqual(100);
    expect(evaluated).toBeLessThan(25);
    clock.advance(MAX_LOCK_SECONDS * 1000);
    expect((await login(ctx, { email: user.email, password: PASSWORD })).user.id).toBe(user.id);
  });

  it('issue-6.8 ten concurrent correct logins all succeed and leave no failure behind', async () => {
    const user = await newApplicant();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => errorCode(login(ctx, { email: user.email, password: PASSWORD }))),
    );
    expect(results).toEqual(Array(10).fill('resolved'));
    expect(await throttleOf(user.email)).toBeUndefined();
    // And still with failures already on the counter, below the lock.
    await setFailures(user.email, LOCK_AFTER_FAILURES - 1);
    const again = await Promise.all(
      Array.from({ length: 10 }, () => errorCode(login(ctx, { email: user.email, password: PASSWORD }))),
    );
    expect(again).toEqual(Array(10).fill('resolved'));
  });

  it('asvs-6.3.1 parallel failures are each counted, atomically, and lock the address', async () => {
    const user = await newApplicant();
    await setFailures(user.email, LOCK_AFTER_FAILURES - 1);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        errorCode(login(ctx, { email: user.email, password: `parallel-guess-${i}` })),
      ),
    );
    expect(results).toEqual(Array(12).fill('AUTH_INVALID_CREDENTIALS'));
    expect((await throttleOf(user.email))?.failed_logins).toBe(LOCK_AFTER_FAILURES - 1 + 12);
    expect(await errorCode(login(ctx, { email: user.email, password: PASSWORD }))).toBe('AUTH_TOO_MANY_ATTEMPTS');
  });

  it('issue-6.9 asvs-6.3.8 an unknown address locks exactly like a known one', async () => {
    const known = await newApplicant();
    const unknown = email('nobody');
    const outcomes = async (address: string) => {
      const seen: Array<ErrorCode | 'resolved'> = [];
      for (let i = 0; i < LOCK_AFTER_FAILURES + 1; i++)
        seen.push(await errorCode(login(ctx, { email: address, password: 'wrong-password-123' })));
      const locked = await login(ctx, { email: address, password: PASSWORD }).catch((e: DomainError) => e);
      return { seen, locked: { code: (locked as DomainError).code, details: (locked as DomainError).details } };
    };
    const a = await outcomes(known.email);
    const b = await outcomes(unknown.toUpperCase());
    expect(b).toEqual(a);
    expect(a.seen.at(-1)).toBe('AUTH_TOO_MANY_ATTEMPTS');
    // Keyed by the normalised address, stored as a blind index, never the address itself.
    expect(await throttleOf(unknown)).toMatchObject({ failed_logins: LOCK_AFTER_FAILURES });
    const dump = JSON.stringify(await ctx.db.selectFrom('login_throttle').selectAll().execute());
    expect(dump).not.toMatch(/@example\.com/i);
  });
});

describe('audit trail', () => {
  it('asvs-16.3.1 records logins and user creation with actor and role but no personal data', async () => {
    const user = await newApplicant('audited');
    await login(ctx, { email: user.email, password: PASSWORD, ip: '203.0.113.9' });
    await errorCode(login(ctx, { email: user.email, password: 'wrong-password-123', ip: '203.0.113.9' }));
    await errorCode(login(ctx, { email: 'ghost@example.com', password: 'wrong-password-123' }));
    const rows = await ctx.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const mine = rows.filter((r) => r.actor_id === user.id);
    expect(mine.map((r) => r.action)).toEqual(['user.created', 'auth.login.success', 'auth.login.failure']);
    expect(mine.every((r) => r.actor_role === 'applicant')).toBe(true);
    expect(mine[1]!.details).toMatchObject({ ip: '203.0.113.9' });
    expect(rows.at(-1)).toMatchObject({ actor_id: null, actor_role: 'anonymous', action: 'auth.login.failure' });
    const dump = JSON.stringify(rows);
    expect(dump).not.toMatch(/@example\.com/i);
    expect(dump).not.toContain(PASSWORD);
    expect(dump).not.toContain('wrong-password');
  });

  it('pi-5 the chain written by the auth use cases verifies', async () => {
    expect(await verifyAuditChain(ctx.db)).toBeNull();
  });
});
