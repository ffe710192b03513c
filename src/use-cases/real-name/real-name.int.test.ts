import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enterpriseSubject,
  individualSubject,
  person,
  residentId,
  uniqueDomain,
  uscc,
  website,
} from '../../../test/support/filing-data.ts';
import { type LoggedIn, loginAs } from '../../../test/support/http.ts';
import { type Applicant, api, newApplicant, prepareForSubmit } from '../../../test/support/journey.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import type { Subject } from '../../contracts/filing-data.ts';

/**
 * domain.md §4.1: an account files only when real-name verified, and only the subject it is verified as. The
 * stand-in registry (REAL_NAME_REGISTRY=seeded) holds what the admin recorded; the comparison is by blind index.
 */
let p: TestPlatform;
let admin: LoggedIn;

beforeAll(async () => {
  p = await createTestPlatform({ regulator: 'in_process' });
  admin = await loginAs(p.app, p.ctx, 'admin');
});
afterAll(async () => p?.close());

const recordIdentity = (a: Applicant, identity: unknown) =>
  api(p, admin, 'POST', `/api/v1/admin/users/${a.user.id}/real-name-verification`, { verified: true, identity });

/** Starts a first filing and makes it ready to submit with `subject`; returns the order id. */
async function readyFirstFiling(a: Applicant, subject: Subject): Promise<string> {
  const domain = uniqueDomain('realname');
  const order = await api(p, a, 'POST', '/api/v1/applicant/orders', { kind: 'new', domain }, 201);
  const { code, ip } = await a.code();
  await prepareForSubmit(p, a, order.id, {
    subject,
    websites: [website(domain, code, ip, subject.responsiblePerson)],
  });
  return order.id;
}

const submit = (a: Applicant, id: string, status: number) =>
  api(p, a, 'POST', `/api/v1/applicant/orders/${id}/submit`, {}, status);

describe('real-name identity and the subject filed', () => {
  it('an unverified account is refused at 验证 and at the start, with the fix in the message', async () => {
    const a = await loginAs(p.app, p.ctx, 'applicant', { realNameVerified: false });
    const body = { kind: 'new', domain: uniqueDomain('unverified') };
    const determine = await api(p, a, 'POST', '/api/v1/applicant/filing-type', body, 403);
    expect(determine.code).toBe('ACCOUNT_NOT_REAL_NAME_VERIFIED');
    const started = await api(p, a, 'POST', '/api/v1/applicant/orders', body, 403);
    expect(started.code).toBe('ACCOUNT_NOT_REAL_NAME_VERIFIED');
    expect(started.message).toContain('完成实名认证');
  });

  it('an individual verified as the person it files passes, whatever the spelling of name and ID', async () => {
    const a = await newApplicant(p);
    const rp = person({ name: '王小明', idNumber: residentId().replace(/X$/, 'x') });
    await recordIdentity(a, {
      kind: 'individual',
      name: '王 小明',
      idType: 'resident_id',
      idNumber: rp.idNumber.toUpperCase(),
    });
    const id = await readyFirstFiling(a, individualSubject(rp));
    expect((await submit(a, id, 200)).state).toBe('pending_provider_review');
  });

  it('an individual subject that is someone else is refused, naming what differs and no values', async () => {
    const a = await newApplicant(p);
    const owner = person({ name: '赵六' });
    await recordIdentity(a, { kind: 'individual', name: owner.name, idType: 'resident_id', idNumber: owner.idNumber });
    const other = person({ name: '赵六' }); // same name, another ID number
    const id = await readyFirstFiling(a, individualSubject(other));
    const refused = await submit(a, id, 403);
    expect(refused.code).toBe('REAL_NAME_SUBJECT_MISMATCH');
    expect(refused.message).toContain('实名认证');
    expect(refused.details).toEqual({ subjectKind: 'individual', accountKind: 'individual', mismatched: ['number'] });
    const text = JSON.stringify(refused);
    for (const secret of [owner.idNumber, other.idNumber, owner.name]) expect(text).not.toContain(secret);
    // The order stays a draft the applicant can fix.
    expect((await api(p, a, 'GET', `/api/v1/applicant/orders/${id}`)).state).toBe('draft');
  });

  it('a unit subject with another name or another USCC is refused; the same unit passes', async () => {
    const a = await newApplicant(p);
    const code = uscc();
    await recordIdentity(a, { kind: 'unit', name: '北京云帆信息技术有限公司', uscc: code.toLowerCase() });
    const id = await readyFirstFiling(a, enterpriseSubject(undefined, { certificateNumber: uscc() }));
    const wrongNumber = await submit(a, id, 403);
    expect(wrongNumber.details.mismatched).toEqual(['number']);
    expect(JSON.stringify(wrongNumber)).not.toContain(code);

    const { version } = await api(p, a, 'GET', `/api/v1/applicant/orders/${id}`);
    const view = await api(p, a, 'GET', `/api/v1/applicant/orders/${id}`);
    const renamed = {
      ...view.data,
      subject: enterpriseSubject(view.data.subject.responsiblePerson, {
        certificateNumber: code,
        sponsorName: '北京云帆网络科技有限公司',
      }),
    };
    await api(p, a, 'PUT', `/api/v1/applicant/orders/${id}/data`, { version, data: renamed });
    expect((await submit(a, id, 403)).details.mismatched).toEqual(['name']);

    const v2 = await api(p, a, 'GET', `/api/v1/applicant/orders/${id}`);
    const same = { ...v2.data, subject: { ...v2.data.subject, sponsorName: '北京云帆信息技术有限公司' } };
    await api(p, a, 'PUT', `/api/v1/applicant/orders/${id}/data`, { version: v2.version, data: same });
    expect((await submit(a, id, 200)).state).toBe('pending_provider_review');
  });

  it('an account verified as a unit cannot file as an individual', async () => {
    const a = await newApplicant(p);
    await recordIdentity(a, { kind: 'unit', name: '北京云帆信息技术有限公司', uscc: uscc() });
    const id = await readyFirstFiling(a, individualSubject(person()));
    expect((await submit(a, id, 403)).details.mismatched).toContain('kind');
  });

  it('the identity is stored encrypted with blind indexes, and the audit names only its kind', async () => {
    const a = await newApplicant(p);
    const rp = person({ name: '孙七' });
    await recordIdentity(a, { kind: 'individual', name: rp.name, idType: 'resident_id', idNumber: rp.idNumber });
    const row = await p.ctx.db
      .selectFrom('real_name_identities')
      .selectAll()
      .where('account_id', '=', a.user.id)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(rp.idNumber);
    expect(stored).not.toContain(rp.name);
    const audit = await p.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'user.real_name_verification.set')
      .execute();
    const auditText = JSON.stringify(audit);
    expect(auditText).toContain('individual');
    expect(auditText).not.toContain(rp.idNumber);
    expect(auditText).not.toContain(rp.name);

    // Withdrawn: the identity is forgotten and the account cannot start a filing.
    await api(p, admin, 'POST', `/api/v1/admin/users/${a.user.id}/real-name-verification`, { verified: false });
    const left = await p.ctx.db
      .selectFrom('real_name_identities')
      .select('account_id')
      .where('account_id', '=', a.user.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('stand-in: a verified account without an identity on file files its first subject', async () => {
    const a = await newApplicant(p);
    const id = await readyFirstFiling(a, individualSubject(person({ name: '周八' })));
    expect((await submit(a, id, 200)).state).toBe('pending_provider_review');
    expect(await p.ctx.realNames.lookup(a.user.id)).toEqual({ status: 'verified_adopts_subject' });
  });
});
