import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '../src/contracts/order-api.ts';
import { enterpriseSubject, individualSubject, person, uniqueDomain, website } from './support/filing-data.ts';
import { type LoggedIn, loginAs } from './support/http.ts';
import {
  type Applicant,
  adminDecides,
  api,
  completeAndSubmit,
  getOrder,
  newApplicant,
  passProviderStages,
  uploadImage,
  verifyAllSms,
} from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

/**
 * Every filing type (T1–T12) taken to its end through the HTTP API and the in-process regulator simulator:
 * start (type determined by the system) → data → materials → agreements → submit → 初审 → authenticity →
 * MIIT SMS → 管局 decision → records and numbers.
 */
let p: TestPlatform;
let reviewer: LoggedIn;

beforeAll(async () => {
  p = await createTestPlatform();
  reviewer = await loginAs(p.app, p.ctx, 'reviewer');
});
afterAll(async () => p?.close());

const start = (a: Applicant, body: unknown) => api<OrderView>(p, a, 'POST', '/api/v1/applicant/orders', body, 201);
const records = (a: Applicant) => api(p, a, 'GET', '/api/v1/applicant/records');

/** Runs an order from submission to the administration's approval; SMS persons are given by mobile → ID. */
async function throughToApproval(a: Applicant, id: string, sms: Record<string, string>, expectSms = true) {
  let view = await passProviderStages(p, a, reviewer, id);
  if (expectSms) {
    expect(view.state).toBe('pending_sms_verification');
    expect(view.sms?.persons.length).toBe(Object.keys(sms).length);
    await verifyAllSms(p, id, sms);
    view = await getOrder(p, a, id);
  }
  expect(view.state).toBe('pending_admin_review');
  await adminDecides(p, id, 'approve');
  return getOrder(p, a, id);
}

describe('first filing (T1) and everything after it on the same account', () => {
  let a: Applicant;
  let rp: ReturnType<typeof person>;
  let firstDomain: string;

  it('T1 首次备案: an individual files a new domain and receives subject and website numbers', async () => {
    a = await newApplicant(p);
    firstDomain = uniqueDomain('blog');
    const order = await start(a, { kind: 'new', domain: firstDomain, subjectAlreadyFiled: false });
    expect(order.type).toBe('first_filing');
    expect(order.state).toBe('draft');
    rp = person({ name: '王小明' });
    const { code, ip } = await a.code();
    const submitted = await completeAndSubmit(p, a, order.id, {
      subject: individualSubject(rp),
      websites: [website(firstDomain, code, ip, rp, { name: '王小明的读书笔记' })],
    });
    expect(submitted.state).toBe('pending_provider_review');
    const done = await throughToApproval(a, order.id, { [rp.mobile]: rp.idNumber });
    expect(done.state).toBe('approved');
    expect(done.numbers?.subjectNumber).toMatch(/^京ICP备\d{10}号$/);
    expect(done.numbers?.websites[0]?.websiteNumber).toBe(`${done.numbers?.subjectNumber}-1`);

    const mine = await records(a);
    expect(mine.subject.icpNumber).toBe(done.numbers?.subjectNumber);
    expect(mine.subject.name).toBe('王**');
    expect(mine.websites).toHaveLength(1);
    const lookup = await api(p, null, 'GET', `/api/v1/public/lookup?domain=${firstDomain}`);
    expect(lookup.items).toHaveLength(1);
    expect(lookup.items[0].websites[0].number).toBe(done.numbers?.websites[0]?.websiteNumber);
    expect(JSON.stringify(lookup)).not.toContain(rp.idNumber);
    expect(JSON.stringify(lookup)).not.toContain(rp.mobile);
  });

  it('PI-1 the platform stores no ID number, phone, e-mail or address in plaintext', async () => {
    const tables = await p.ctx.db.introspection.getTables();
    // The regulator simulator keeps its own database (it is MIIT's side), so every table here is the platform's.
    const platformTables = tables.map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
    expect(platformTables.filter((n) => n.startsWith('sim_'))).toEqual([]);
    expect(platformTables).toEqual(expect.arrayContaining(['filing_orders', 'subjects', 'websites', 'audit_log']));
    for (const table of platformTables) {
      const { rows } = await sql<{
        row: string;
      }>`SELECT row_to_json(t)::text AS row FROM ${sql.table(table)} t`.execute(p.ctx.db);
      const dump = rows.map((r) => r.row).join('\n');
      // Website names are public filing data (and here contain the owner's name), so names are not scanned for.
      for (const secret of [rp.idNumber, rp.mobile, rp.emergencyPhone, rp.email, '中关村大街']) {
        expect(dump.includes(secret), `${table} holds ${secret.slice(0, 3)}… in plaintext`).toBe(false);
      }
    }
  });

  it('T2 新增网站: a second website under the filed subject gets the next -N', async () => {
    const domain = uniqueDomain('shop');
    // One entry point: the domain alone; the system sees the subject here and the domain unfiled at MIIT.
    const order = await start(a, { kind: 'new', domain });
    expect(order.type).toBe('add_website_subject_here');
    expect(order.typeReason?.code).toBe('SUBJECT_HERE_DOMAIN_NOT_FILED');
    const rp2 = person({ name: '王小明', idNumber: rp.idNumber, mobile: rp.mobile });
    const { code, ip } = await a.code();
    await completeAndSubmit(p, a, order.id, {
      websites: [website(domain, code, ip, rp2, { name: '王小明的摄影作品' })],
    });
    const done = await throughToApproval(a, order.id, { [rp.mobile]: rp.idNumber });
    expect(done.numbers?.websites[0]?.websiteNumber).toMatch(/-2$/);
    expect((await records(a)).websites).toHaveLength(2);
  });

  it('T2 新增网站 with 同主体负责人 copied from the masked records keeps the real person', async () => {
    // The wizard copies the filed subject's person as 备案管理 shows it (masked) into the website.
    const filed = (await records(a)).subject.data.responsiblePerson;
    expect(filed.idNumber).toContain('*');
    const order = await start(a, { kind: 'new', domain: uniqueDomain('copy') });
    const { code, ip } = await a.code();
    const domain = order.data.websites[0]?.domain ?? '';
    const site = { ...website(domain, code, ip, filed), sameAsSubjectResponsible: true };
    const saved = await api(p, a, 'PUT', `/api/v1/applicant/orders/${order.id}/data`, {
      version: order.version,
      data: { websites: [site] },
    });
    const rules = saved.precheck.findings.map((f: { ruleId: string; field: string }) => `${f.ruleId} ${f.field}`);
    expect(rules.filter((r: string) => r.includes('websites.0.responsiblePerson'))).toEqual([]);
    const revealed = await api(p, a, 'POST', `/api/v1/applicant/orders/${order.id}/reveal`, {
      path: 'websites.0.responsiblePerson.idNumber',
      reason: '本人查看',
    });
    expect(revealed.value).toBe(rp.idNumber);
    await api(p, a, 'POST', `/api/v1/applicant/orders/${order.id}/abandon`, {});
  });

  it('T7 网站变更: the website name changes, the number stays', async () => {
    const before = await records(a);
    const target = before.websites[0];
    const order = await start(a, { kind: 'change_website', websiteIds: [target.id] });
    expect(order.type).toBe('change_website');
    const data = { websites: [{ ...order.data.websites[0], name: '王小明的读书与生活' }] };
    await completeAndSubmit(p, a, order.id, data);
    const done = await throughToApproval(a, order.id, { [rp.mobile]: rp.idNumber });
    expect(done.state).toBe('approved');
    const after = await records(a);
    const changed = after.websites.find((w: { id: string }) => w.id === target.id);
    expect(changed.name).toBe('王小明的读书与生活');
    expect(changed.icpNumber).toBe(target.icpNumber);
  });

  it('T8 变更接入: only the IP and authorization code change; no authenticity step', async () => {
    const before = await records(a);
    const target = before.websites[0];
    const order = await start(a, { kind: 'change_access', websiteIds: [target.id] });
    const { code, ip } = await a.code();
    await completeAndSubmit(p, a, order.id, {
      websites: [{ ...order.data.websites[0], ipAddresses: [ip], authorizationCode: code }],
    });
    const view = await api<OrderView>(p, reviewer, 'POST', `/api/v1/reviewer/orders/${order.id}/provider-review`, {
      decision: 'approve',
    });
    expect(view.state).toBe('submitting_to_admin');
    await p.settle();
    await verifyAllSms(p, order.id, { [rp.mobile]: rp.idNumber });
    await adminDecides(p, order.id, 'approve');
    expect((await getOrder(p, a, order.id)).state).toBe('approved');
    const after = (await records(a)).websites.find((w: { id: string }) => w.id === target.id);
    expect(after.data.ipAddresses).toEqual([ip]);
  });

  it('T9 变更图片: replaced images go through review without SMS', async () => {
    const order = await start(a, { kind: 'change_images' });
    expect(order.type).toBe('change_images');
    await uploadImage(p, a, order.id, { kind: 'personal_id', validUntil: '2040-01-01' });
    await completeAndSubmit(p, a, order.id);
    const view = await api<OrderView>(p, reviewer, 'POST', `/api/v1/reviewer/orders/${order.id}/provider-review`, {
      decision: 'approve',
    });
    expect(view.state).toBe('submitting_to_admin');
    await p.settle();
    expect((await getOrder(p, a, order.id)).state).toBe('pending_admin_review');
    await adminDecides(p, order.id, 'approve');
    expect((await getOrder(p, a, order.id)).state).toBe('approved');
  });

  it('T6 主体变更: the subject data changes (mailing address), numbers stay', async () => {
    const order = await start(a, { kind: 'change_subject', changeWebsites: false });
    const subject = { ...individualSubject(rp), mailingAddress: '北京市海淀区学院路30号' };
    await completeAndSubmit(p, a, order.id, { subject, websites: [] });
    const done = await throughToApproval(a, order.id, { [rp.mobile]: rp.idNumber });
    expect(done.state).toBe('approved');
  });

  it('T11 网站注销: one website is cancelled, the subject stays', async () => {
    const before = await records(a);
    const order = await start(a, {
      kind: 'cancel_website',
      websiteIds: [before.websites[1].id],
      reason: '网站停止运营',
    });
    await completeAndSubmit(p, a, order.id);
    const view = await api<OrderView>(p, reviewer, 'POST', `/api/v1/reviewer/orders/${order.id}/provider-review`, {
      decision: 'approve',
    });
    expect(view.state).toBe('submitting_to_admin');
    await p.settle();
    await verifyAllSms(p, order.id, { [rp.mobile]: rp.idNumber });
    await adminDecides(p, order.id, 'approve');
    expect((await getOrder(p, a, order.id)).state).toBe('completed_removed');
    expect((await records(a)).websites).toHaveLength(1);
  });

  it('T12 取消接入: no SMS; the website leaves this platform', async () => {
    // A fresh website to remove access from, so T10 below still has one to cancel.
    const domain = uniqueDomain('news');
    const add = await start(a, { kind: 'new', domain, subjectAlreadyFiled: false, intent: 'add_website' });
    const { code, ip } = await a.code();
    await completeAndSubmit(p, a, add.id, { websites: [website(domain, code, ip, rp, { name: '王小明的旅行日记' })] });
    await throughToApproval(a, add.id, { [rp.mobile]: rp.idNumber });
    const target = (await records(a)).websites.find((w: { domain: string }) => w.domain === domain);

    const order = await start(a, { kind: 'cancel_access', websiteIds: [target.id] });
    await completeAndSubmit(p, a, order.id);
    await api(p, reviewer, 'POST', `/api/v1/reviewer/orders/${order.id}/provider-review`, { decision: 'approve' });
    await p.settle();
    expect((await getOrder(p, a, order.id)).state).toBe('pending_admin_review');
    await adminDecides(p, order.id, 'approve');
    expect((await getOrder(p, a, order.id)).state).toBe('completed_removed');
    expect((await records(a)).websites.map((w: { domain: string }) => w.domain)).not.toContain(domain);
  });

  it('T10 主体注销: the subject and all its websites are cancelled; the account may file anew', async () => {
    const order = await start(a, { kind: 'cancel_subject', reason: '不再运营网站' });
    await completeAndSubmit(p, a, order.id);
    await api(p, reviewer, 'POST', `/api/v1/reviewer/orders/${order.id}/provider-review`, { decision: 'approve' });
    await p.settle();
    await verifyAllSms(p, order.id, { [rp.mobile]: rp.idNumber });
    await adminDecides(p, order.id, 'approve');
    expect((await getOrder(p, a, order.id)).state).toBe('completed_removed');
    const mine = await records(a);
    expect(mine.subject).toBeNull();
    const left = await p.ctx.db.selectFrom('websites').select('status').where('account_id', '=', a.user.id).execute();
    expect(left.length).toBeGreaterThan(0);
    expect(left.filter((w) => w.status === 'active')).toEqual([]);
    const lookup = await api(p, null, 'GET', `/api/v1/public/lookup?domain=${firstDomain}`);
    expect(lookup.items).toHaveLength(0);
  });
});

describe('subjects filed at another provider (T3, T4, T5)', () => {
  it('T5 then T4: access for a filed domain, then access for a second filed domain of that subject', async () => {
    const legal = person({ name: '赵六' });
    const subject = enterpriseSubject(legal, { sponsorName: '北京远山科技有限公司' });
    const d1 = uniqueDomain('yuanshan');
    const d2 = uniqueDomain('yuanshan-docs');
    const filed = await p.regulator.sim.createFiledRecord({
      province: 'beijing',
      subject: {
        name: subject.sponsorName,
        subjectType: 'enterprise',
        certificateType: 'business_license',
        certificateNumber: subject.certificateNumber,
        responsible: { name: legal.name, idType: 'resident_id', idNumber: legal.idNumber },
      },
      websites: [
        { domain: d1, name: '远山科技官网' },
        { domain: d2, name: '远山科技文档中心' },
      ],
    });
    const a = await newApplicant(p);
    const t5 = await start(a, {
      kind: 'new',
      domain: d1,
      subjectAlreadyFiled: true,
      subjectFilingNumber: filed.subjectNumber,
    });
    expect(t5.type).toBe('add_access_subject_elsewhere');
    const c1 = await a.code();
    await completeAndSubmit(p, a, t5.id, {
      subject,
      websites: [website(d1, c1.code, c1.ip, legal, { name: '远山科技官网' })],
    });
    const done5 = await throughToApproval(a, t5.id, { [legal.mobile]: legal.idNumber });
    expect(done5.numbers?.subjectNumber).toBe(filed.subjectNumber);
    expect(done5.numbers?.websites[0]?.websiteNumber).toBe(filed.websites[0]?.websiteNumber);

    const t4 = await start(a, { kind: 'new', domain: d2 });
    expect(t4.type).toBe('add_access_subject_here');
    expect(t4.typeReason?.code).toBe('SUBJECT_HERE_DOMAIN_FILED');
    const c2 = await a.code();
    await completeAndSubmit(p, a, t4.id, {
      websites: [website(d2, c2.code, c2.ip, legal, { name: '远山科技文档中心' })],
    });
    const done4 = await throughToApproval(a, t4.id, { [legal.mobile]: legal.idNumber });
    expect(done4.numbers?.websites[0]?.websiteNumber).toBe(filed.websites[1]?.websiteNumber);
  });

  it('T3 新增网站（主体在其他接入商）: a new domain for a subject filed elsewhere', async () => {
    const rp = person({ name: '孙七', idNumber: undefined as never });
    rp.idNumber = person().idNumber;
    const filed = await p.regulator.sim.createFiledRecord({
      province: 'beijing',
      subject: {
        name: rp.name,
        subjectType: 'individual',
        certificateType: 'resident_id',
        certificateNumber: rp.idNumber,
        responsible: { name: rp.name, idType: 'resident_id', idNumber: rp.idNumber },
      },
      websites: [{ domain: uniqueDomain('sun-old'), name: '孙七的旧博客' }],
    });
    const a = await newApplicant(p);
    const domain = uniqueDomain('sun-new');
    const order = await start(a, {
      kind: 'new',
      domain,
      subjectAlreadyFiled: true,
      subjectFilingNumber: filed.subjectNumber,
    });
    expect(order.type).toBe('add_website_subject_elsewhere');
    const { code, ip } = await a.code();
    await completeAndSubmit(p, a, order.id, {
      subject: individualSubject(rp),
      websites: [website(domain, code, ip, rp, { name: '孙七的园艺日志' })],
    });
    const done = await throughToApproval(a, order.id, { [rp.mobile]: rp.idNumber });
    expect(done.numbers?.subjectNumber).toBe(filed.subjectNumber);
    expect(done.numbers?.websites[0]?.websiteNumber).toBe(`${filed.subjectNumber}-2`);
  });
});
