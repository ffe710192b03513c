import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { individualSubject, person, uniqueDomain, website } from '../../../test/support/filing-data.ts';
import { loginAs } from '../../../test/support/http.ts';
import { api, newApplicant, prepareForSubmit } from '../../../test/support/journey.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { DomainError } from '../../domain/errors.ts';
import { createHttpRealNameRegistry } from './real-name-registry.http.ts';
import { type RealNameStandIn, startRealNameStandIn } from './testing/real-name-stand-in.ts';

/** The HTTP adapter against the contract's stand-in over a real socket, then the platform wired to it. */
let standIn: RealNameStandIn;

beforeAll(async () => {
  standIn = await startRealNameStandIn();
});
afterAll(async () => standIn?.close());
beforeEach(() => {
  standIn.failWith(null);
  standIn.delay(0);
});

const VERIFIED_AT = '2026-03-01T08:00:00.000Z';

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('real-name registry over HTTP', () => {
  const registry = () => createHttpRealNameRegistry({ baseUrl: standIn.url, token: standIn.token, timeoutMs: 2000 });

  it('reads a verified individual and a verified unit, with the bearer token', async () => {
    standIn.set({
      accountId: 'acc-person',
      status: 'verified',
      kind: 'individual',
      name: '王小明',
      idType: 'resident_id',
      idNumber: '11010519900307123X',
      verifiedAt: VERIFIED_AT,
    });
    standIn.set({
      accountId: 'acc-unit',
      status: 'verified',
      kind: 'unit',
      name: '北京云帆信息技术有限公司',
      uscc: '91110105MA01234567',
      verifiedAt: VERIFIED_AT,
    });
    expect(await registry().lookup('acc-person')).toEqual({
      status: 'verified',
      identity: {
        kind: 'individual',
        name: '王小明',
        idType: 'resident_id',
        idNumber: '11010519900307123X',
        verifiedAt: new Date(VERIFIED_AT),
      },
    });
    const unit = await registry().lookup('acc-unit');
    expect(unit.status === 'verified' && unit.identity.kind).toBe('unit');
    expect(standIn.requests.at(-1)).toEqual({ path: '/accounts/acc-unit/real-name', authorised: true });
  });

  it('an unverified answer and an account unknown to the registry (404) both read as not verified', async () => {
    standIn.set({ accountId: 'acc-pending', status: 'unverified' });
    expect(await registry().lookup('acc-pending')).toEqual({ status: 'unverified' });
    expect(await registry().lookup('acc-never-seen')).toEqual({ status: 'unverified' });
  });

  it('a 5xx, a refused token, a timeout and an answer off the contract are REAL_NAME_REGISTRY_UNAVAILABLE', async () => {
    standIn.set({
      accountId: 'acc-x',
      status: 'verified',
      kind: 'individual',
      name: '王小明',
      idType: 'resident_id',
      idNumber: '11010519900307123X',
      verifiedAt: VERIFIED_AT,
    });
    standIn.failWith(503);
    const down = await failure(registry().lookup('acc-x'));
    expect(down.code).toBe('REAL_NAME_REGISTRY_UNAVAILABLE');
    expect(down.details).toEqual({ status: 503 });
    standIn.failWith(null);

    const wrongToken = createHttpRealNameRegistry({ baseUrl: standIn.url, token: 'not-the-token', timeoutMs: 2000 });
    expect((await failure(wrongToken.lookup('acc-x'))).details).toEqual({ status: 401 });

    standIn.delay(3000);
    const slow = createHttpRealNameRegistry({ baseUrl: standIn.url, token: standIn.token, timeoutMs: 100 });
    const timedOut = await failure(slow.lookup('acc-x'));
    expect(timedOut.code).toBe('REAL_NAME_REGISTRY_UNAVAILABLE');
    expect(timedOut.details).toEqual({ reason: 'timeout' });
    standIn.delay(0);

    // A verified answer without its number is off the contract; the error never carries the answer's data.
    standIn.set({ accountId: 'acc-bad', status: 'verified', kind: 'individual', name: '王小明' } as never);
    const offContract = await failure(registry().lookup('acc-bad'));
    expect(offContract.details).toEqual({ reason: 'invalid_answer' });
    expect(`${offContract.message} ${JSON.stringify(offContract.details)}`).not.toContain('王小明');

    const unreachable = createHttpRealNameRegistry({ baseUrl: 'http://127.0.0.1:9', token: 't', timeoutMs: 2000 });
    expect((await failure(unreachable.lookup('acc-x'))).details).toEqual({ reason: 'unreachable' });
  });
});

describe('the platform with REAL_NAME_REGISTRY=http', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({
      regulator: 'in_process',
      config: { REAL_NAME_REGISTRY: 'http', REAL_NAME_URL: standIn.url, REAL_NAME_TOKEN: standIn.token },
    });
  });
  afterAll(async () => p?.close());

  it('the registry decides: verified as the subject passes, someone else is refused, an outage is a 502', async () => {
    // The users flag says "not verified"; the registry's answer counts (and the flag follows it).
    const a = await newApplicant(p);
    await p.ctx.db.updateTable('users').set({ real_name_verified: false }).where('id', '=', a.user.id).execute();
    const rp = person({ name: '钱五' });
    standIn.set({
      accountId: a.user.id,
      status: 'verified',
      kind: 'individual',
      name: rp.name,
      idType: 'resident_id',
      idNumber: rp.idNumber,
      verifiedAt: VERIFIED_AT,
    });
    const domain = uniqueDomain('http-realname');
    const order = await api(p, a, 'POST', '/api/v1/applicant/orders', { kind: 'new', domain }, 201);
    const flag = await p.ctx.db
      .selectFrom('users')
      .select('real_name_verified')
      .where('id', '=', a.user.id)
      .executeTakeFirstOrThrow();
    expect(flag.real_name_verified).toBe(true);

    const { code, ip } = await a.code();
    const other = person({ name: '钱五' });
    await prepareForSubmit(p, a, order.id, {
      subject: individualSubject(other),
      websites: [website(domain, code, ip, other)],
    });
    const refused = await api(p, a, 'POST', `/api/v1/applicant/orders/${order.id}/submit`, {}, 403);
    expect(refused.code).toBe('REAL_NAME_SUBJECT_MISMATCH');

    standIn.failWith(500);
    const down = await api(p, a, 'POST', `/api/v1/applicant/orders/${order.id}/submit`, {}, 502);
    expect(down.code).toBe('REAL_NAME_REGISTRY_UNAVAILABLE');
    standIn.failWith(null);

    const view = await api(p, a, 'GET', `/api/v1/applicant/orders/${order.id}`);
    await api(p, a, 'PUT', `/api/v1/applicant/orders/${order.id}/data`, {
      version: view.version,
      data: { subject: individualSubject(rp), websites: [website(domain, code, ip, rp)] },
    });
    await prepareForSubmit(p, a, order.id);
    const submitted = await api(p, a, 'POST', `/api/v1/applicant/orders/${order.id}/submit`, {}, 200);
    expect(submitted.state).toBe('pending_provider_review');
  });

  it('an account the registry does not know is not verified, and admins cannot override the registry', async () => {
    const a = await loginAs(p.app, p.ctx, 'applicant');
    const refused = await api(p, a, 'POST', '/api/v1/applicant/orders', { kind: 'new', domain: uniqueDomain() }, 403);
    expect(refused.code).toBe('ACCOUNT_NOT_REAL_NAME_VERIFIED');
    const admin = await loginAs(p.app, p.ctx, 'admin');
    await api(p, admin, 'POST', `/api/v1/admin/users/${a.user.id}/real-name-verification`, { verified: true }, 403);
  });
});
