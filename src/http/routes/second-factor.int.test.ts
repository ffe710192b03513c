import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  injectJson,
  loginAs,
  sessionCookieFrom,
  strongPassword,
  uniqueEmail,
} from '../../../test/support/http.ts';
import { createTestContext } from '../../../test/support/test-context.ts';
import { totpCodeAt } from '../../adapters/auth/totp.ts';
import type { AppContext } from '../../app-context.ts';
import type { ManualClock } from '../../domain/ports/clock.ts';
import type { Role } from '../../domain/roles.ts';
import { createUser } from '../../use-cases/auth/create-user.ts';

/** The staff second factor end to end through HTTP, with STAFF_TOTP_REQUIRED on and a manual clock. */
let ctx: AppContext;
let clock: ManualClock;
let close: () => Promise<void>;
let app: FastifyInstance;
beforeAll(async () => {
  ({ ctx, clock, close } = await createTestContext({ config: { STAFF_TOTP_REQUIRED: 'true' } }));
  app = await buildTestApp(ctx);
});
afterAll(async () => {
  await app.close();
  await close();
});

const AUTH = '/api/v1/auth';
const post = (url: string, cookie: string, body?: unknown) => injectJson(app, { method: 'POST', url, cookie, body });
const get = (url: string, cookie: string) => injectJson(app, { method: 'GET', url, cookie });
const QUEUE = '/api/v1/reviewer/queue';

type Staff = { id: string; email: string; password: string };

async function newStaff(role: Role = 'reviewer'): Promise<Staff> {
  const email = uniqueEmail(role);
  const password = strongPassword();
  const user = await createUser(ctx, { email, password, role, displayName: `Test ${role}`, realNameVerified: true });
  return { id: user.id, email, password };
}

async function passwordStep(staff: Staff) {
  const res = await injectJson(app, {
    method: 'POST',
    url: `${AUTH}/login`,
    body: { email: staff.email, password: staff.password },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { cookie: sessionCookieFrom(res, ctx), body: res.json() };
}

/** Enrols `staff` and returns the secret, the recovery codes and the upgraded session cookie. */
async function enrol(staff: Staff) {
  const { cookie } = await passwordStep(staff);
  const started = await post(`${AUTH}/second-factor/enrolment`, cookie);
  expect(started.statusCode, started.body).toBe(200);
  const { secret } = started.json();
  const confirmed = await post(`${AUTH}/second-factor/enrolment/confirm`, cookie, {
    code: totpCodeAt(secret, clock.now()),
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return {
    secret: secret as string,
    recoveryCodes: confirmed.json().recoveryCodes as string[],
    cookie: sessionCookieFrom(confirmed, ctx),
  };
}

const nextStep = () => clock.advance(30_000);

const auditActions = async (userId: string) =>
  (
    await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('actor_id', '=', userId)
      .where('action', 'like', 'auth.second_factor.%')
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

describe('staff second factor', () => {
  it('enrols: otpauth URI and secret, the first code confirms, recovery codes once, a new session', async () => {
    const staff = await newStaff();
    const { cookie, body } = await passwordStep(staff);
    expect(body.secondFactor).toBe('enrol');
    expect((await get(`${AUTH}/me`, cookie)).json().secondFactor).toBe('enrol');

    const started = await post(`${AUTH}/second-factor/enrolment`, cookie);
    const { otpauthUri, secret } = started.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(decodeURIComponent(uri.pathname)).toBe(`/beian:${staff.email}`);
    expect(uri.searchParams.get('issuer')).toBe('beian');
    expect(uri.searchParams.get('secret')).toBe(secret);

    const stored = await ctx.db.selectFrom('staff_totp').selectAll().where('user_id', '=', staff.id).executeTakeFirst();
    expect(stored?.secret_enc).not.toContain(secret);
    expect(ctx.cipher.decryptJson(stored!.secret_enc)).toBe(secret);
    expect(stored?.enrolled_at).toBeNull();

    const confirmed = await post(`${AUTH}/second-factor/enrolment/confirm`, cookie, {
      code: totpCodeAt(secret, clock.now()),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { recoveryCodes, secondFactor } = confirmed.json();
    expect(secondFactor).toBe('done');
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const hashes = await ctx.db
      .selectFrom('staff_recovery_codes')
      .select('code_hash')
      .where('user_id', '=', staff.id)
      .execute();
    expect(hashes).toHaveLength(10);
    expect(JSON.stringify(hashes)).not.toContain(recoveryCodes[0].replace('-', ''));

    // The session id changed: the old cookie is dead, the new one reaches staff routes.
    const upgraded = sessionCookieFrom(confirmed, ctx);
    expect(upgraded).not.toBe(cookie);
    expect((await get(`${AUTH}/me`, cookie)).statusCode).toBe(401);
    expect((await get(QUEUE, upgraded)).statusCode).toBe(200);

    // Once enrolled, no second enrolment.
    const again = await post(`${AUTH}/second-factor/enrolment`, upgraded);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SECOND_FACTOR_ALREADY_ENROLLED');
    expect(await auditActions(staff.id)).toEqual([
      'auth.second_factor.enrolment_started',
      'auth.second_factor.enrolled',
    ]);
  });

  it('refuses every other staff route while the second factor is pending, centrally', async () => {
    const staff = await newStaff('admin');
    const { cookie } = await passwordStep(staff);
    for (const [method, url] of [
      ['GET', QUEUE],
      ['POST', '/api/v1/admin/users'],
      ['GET', '/api/v1/admin/dev/sms-outbox'],
    ] as const) {
      const res = await injectJson(app, { method, url, cookie, body: method === 'POST' ? {} : undefined });
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED', details: { secondFactor: 'enrol' } });
    }
    // Signing out still works.
    expect((await post(`${AUTH}/logout`, cookie)).statusCode).toBe(204);
  });

  it('signs in with a code; the same code again is refused; the next step works', async () => {
    const staff = await newStaff('senior_reviewer');
    const { secret } = await enrol(staff);
    nextStep();

    const first = await passwordStep(staff);
    expect(first.body.secondFactor).toBe('verify');
    expect((await get(QUEUE, first.cookie)).json().code).toBe('SECOND_FACTOR_REQUIRED');
    const code = totpCodeAt(secret, clock.now());
    const verified = await post(`${AUTH}/second-factor/verify`, first.cookie, { code });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ secondFactor: 'done', recoveryCodesLeft: null, email: staff.email });
    expect((await get(QUEUE, sessionCookieFrom(verified, ctx))).statusCode).toBe(200);

    // Someone who saw the code (shoulder, phishing page) cannot use it again within its window.
    const second = await passwordStep(staff);
    const replay = await post(`${AUTH}/second-factor/verify`, second.cookie, { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'SECOND_FACTOR_INVALID_CODE', details: { reason: 'reused' } });
    // Nor the previous step's code, still inside the ±1 window.
    const previous = totpCodeAt(secret, new Date(clock.now().getTime() - 30_000));
    const older = await post(`${AUTH}/second-factor/verify`, second.cookie, { code: previous });
    expect(older.json().details.reason).toBe('reused');

    nextStep();
    const fresh = await post(`${AUTH}/second-factor/verify`, second.cookie, { code: totpCodeAt(secret, clock.now()) });
    expect(fresh.statusCode, fresh.body).toBe(200);
  });

  it('counts wrong codes, locks after 5 for 15 minutes (even a right code), audited, and unlocks', async () => {
    const staff = await newStaff();
    const { secret } = await enrol(staff);
    nextStep();
    const { cookie } = await passwordStep(staff);
    const wrong = totpCodeAt(secret, new Date(clock.now().getTime() + 10 * 60_000));

    for (let left = 4; left >= 1; left--) {
      const res = await post(`${AUTH}/second-factor/verify`, cookie, { code: wrong });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({
        code: 'SECOND_FACTOR_INVALID_CODE',
        details: { reason: 'wrong', attemptsLeft: left },
      });
    }
    const fifth = await post(`${AUTH}/second-factor/verify`, cookie, { code: wrong });
    expect(fifth.statusCode).toBe(429);
    const lockedUntil = new Date(clock.now().getTime() + 15 * 60_000).toISOString();
    expect(fifth.json()).toMatchObject({ code: 'SECOND_FACTOR_LOCKED', details: { lockedUntil } });
    expect(fifth.headers['retry-after']).toBe(String(15 * 60));

    clock.advance(14 * 60_000);
    const stillLocked = await post(`${AUTH}/second-factor/verify`, cookie, { code: totpCodeAt(secret, clock.now()) });
    expect(stillLocked.statusCode).toBe(429);
    expect(stillLocked.json()).toMatchObject({ code: 'SECOND_FACTOR_LOCKED', details: { lockedUntil } });

    clock.advance(60_000);
    const relog = await passwordStep(staff);
    const unlocked = await post(`${AUTH}/second-factor/verify`, relog.cookie, {
      code: totpCodeAt(secret, clock.now()),
    });
    expect(unlocked.statusCode, unlocked.body).toBe(200);

    const actions = await auditActions(staff.id);
    expect(actions.filter((a) => a === 'auth.second_factor.failure')).toHaveLength(5);
    expect(actions).toContain('auth.second_factor.locked');
    expect(actions).toContain('auth.second_factor.refused');
    expect(actions.at(-1)).toBe('auth.second_factor.verified');
  });

  it('a correct code resets the count of wrong ones', async () => {
    const staff = await newStaff();
    const { secret } = await enrol(staff);
    const wrongCode = (at: Date) => totpCodeAt(secret, new Date(at.getTime() + 10 * 60_000));
    for (let round = 0; round < 2; round++) {
      nextStep();
      const { cookie } = await passwordStep(staff);
      for (let i = 0; i < 4; i++) await post(`${AUTH}/second-factor/verify`, cookie, { code: wrongCode(clock.now()) });
      const ok = await post(`${AUTH}/second-factor/verify`, cookie, { code: totpCodeAt(secret, clock.now()) });
      expect(ok.statusCode, ok.body).toBe(200);
    }
  });

  it('a recovery code works once, in any case and spacing; wrong ones count', async () => {
    const staff = await newStaff();
    const { recoveryCodes } = await enrol(staff);
    const [code] = recoveryCodes;
    const first = await passwordStep(staff);
    const typed = ` ${code!.toLowerCase().replace('-', ' ')} `;
    const used = await post(`${AUTH}/second-factor/verify`, first.cookie, { recoveryCode: typed });
    expect(used.statusCode, used.body).toBe(200);
    expect(used.json()).toMatchObject({ secondFactor: 'done', recoveryCodesLeft: 9 });

    const second = await passwordStep(staff);
    const reused = await post(`${AUTH}/second-factor/verify`, second.cookie, { recoveryCode: code });
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ code: 'SECOND_FACTOR_INVALID_CODE', details: { attemptsLeft: 4 } });
    const other = await post(`${AUTH}/second-factor/verify`, second.cookie, { recoveryCode: recoveryCodes[1] });
    expect(other.json().recoveryCodesLeft).toBe(8);
  });

  it('enrolment refuses a wrong first code and counts it; verify before enrolment is refused', async () => {
    const staff = await newStaff();
    const { cookie } = await passwordStep(staff);
    const early = await post(`${AUTH}/second-factor/verify`, cookie, { code: '123456' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('SECOND_FACTOR_NOT_ENROLLED');
    const { secret } = (await post(`${AUTH}/second-factor/enrolment`, cookie)).json();
    const wrong = totpCodeAt(secret, new Date(clock.now().getTime() + 10 * 60_000));
    const res = await post(`${AUTH}/second-factor/enrolment/confirm`, cookie, { code: wrong });
    expect(res.statusCode).toBe(401);
    expect(res.json().details).toMatchObject({ attemptsLeft: 4 });
    const malformed = await post(`${AUTH}/second-factor/enrolment/confirm`, cookie, { code: '12ab56' });
    expect(malformed.statusCode).toBe(400);
  });

  it('an admin resets a staff member’s second factor: audited, sessions end, the next sign-in enrols', async () => {
    const staff = await newStaff();
    const { cookie: staffCookie } = await enrol(staff);
    const admin = await newStaff('admin');
    const { cookie: adminCookie } = await enrol(admin);

    const reset = await injectJson(app, {
      method: 'DELETE',
      url: `/api/v1/admin/users/${staff.id}/second-factor`,
      cookie: adminCookie,
    });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await get(`${AUTH}/me`, staffCookie)).statusCode).toBe(401);
    expect((await passwordStep(staff)).body.secondFactor).toBe('enrol');
    const row = await ctx.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('actor_id', '=', admin.id)
      .where('action', '=', 'auth.second_factor.reset')
      .executeTakeFirstOrThrow();
    expect(row.details).toMatchObject({ userId: staff.id, hadAuthenticator: true, sessionsEnded: 1 });
    expect(
      await ctx.db.selectFrom('staff_recovery_codes').select('code_hash').where('user_id', '=', staff.id).execute(),
    ).toEqual([]);

    const applicant = await loginAs(app, ctx, 'applicant');
    const notStaff = await injectJson(app, {
      method: 'DELETE',
      url: `/api/v1/admin/users/${applicant.user.id}/second-factor`,
      cookie: adminCookie,
    });
    expect(notStaff.statusCode).toBe(404);
    // A reviewer may not reset anyone.
    const { cookie: reviewerCookie } = await enrol(await newStaff());
    const byReviewer = await injectJson(app, {
      method: 'DELETE',
      url: `/api/v1/admin/users/${admin.id}/second-factor`,
      cookie: reviewerCookie,
    });
    expect(byReviewer.statusCode).toBe(403);
  });

  it('applicants are never asked', async () => {
    const applicant = await loginAs(app, ctx, 'applicant');
    expect((await get(`${AUTH}/me`, applicant.cookie)).json().secondFactor).toBe('done');
    const res = await post(`${AUTH}/second-factor/enrolment`, applicant.cookie);
    expect(res.statusCode).toBe(403);
  });
});
