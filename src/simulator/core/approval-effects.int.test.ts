import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RegulatorSubmission } from '../../domain/ports/regulator-gateway.ts';
import { aPerson, aSubmission, aUnitSubject, aWebsite, filedRecordFor } from '../test-builders.ts';
import { createTestSimulator, type TestSimulator } from '../test-support.ts';

let t: TestSimulator;
beforeAll(async () => {
  t = await createTestSimulator();
});
afterAll(async () => t.close());

const wang = aPerson('wang');
const unit = aUnitSubject(wang);
let number: string;

/** Each test starts from one filed unit with two websites (main.com served by 1 provider, blog.com by 2). */
beforeEach(async () => {
  await t.reset();
  const record = await t.sim.createFiledRecord(
    filedRecordFor(unit, [
      { domain: 'main.com', name: '主站' },
      { domain: 'blog.com', name: '博客', accessProviderCount: 2 },
    ]),
  );
  number = record.subjectNumber;
});

async function approve(s: Partial<RegulatorSubmission> & Pick<RegulatorSubmission, 'type'>) {
  const { regulatorRef } = await t.gateway.submit(aSubmission(s.type, { subjectNumber: number, ...s }));
  const before = await t.gateway.getStatus(regulatorRef);
  expect(before).toEqual({ state: 'admin_review', smsRequired: false });
  return t.sim.decideOrder(regulatorRef, { decision: 'approve' });
}

const subjectRow = () =>
  t.db.selectFrom('sim_subject').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
const websiteRows = () =>
  t.db
    .selectFrom('sim_website')
    .select(['number', 'domain', 'name', 'status', 'access_provider_count', 'responsible_name'])
    .orderBy('website_index')
    .execute();

describe('records effect of each approved filing type', () => {
  it('T1 first filing creates the subject and numbered websites', async () => {
    await t.reset();
    const status = await approve({
      type: 'first_filing',
      subjectNumber: undefined,
      subject: unit,
      websites: [aWebsite('www.fresh.com')],
    });
    // Answered with the domain as submitted; the record holds the registered domain.
    expect(status).toEqual({
      state: 'approved',
      subjectNumber: '京ICP备2026000001号',
      websites: [{ domain: 'www.fresh.com', websiteNumber: '京ICP备2026000001号-1' }],
    });
    expect(await t.gateway.lookupSubjectNumber('京ICP备2026000001号')).toEqual({
      found: true,
      subjectName: unit.sponsorName,
      province: 'beijing',
      certificateType: 'business_license',
      active: true,
    });
    expect(await t.gateway.lookupDomain('fresh.com')).toMatchObject({ filed: true, accessProviderCount: 1 });
  });

  it('T2 and T3 add websites with the next -N under the subject', async () => {
    const t2 = await approve({ type: 'add_website_subject_here', websites: [aWebsite('shop.com')] });
    expect(t2).toMatchObject({
      subjectNumber: number,
      websites: [{ domain: 'shop.com', websiteNumber: `${number}-3` }],
    });
    const t3 = await approve({
      type: 'add_website_subject_elsewhere',
      subject: unit,
      websites: [aWebsite('docs.com')],
    });
    expect(t3).toMatchObject({ websites: [{ websiteNumber: `${number}-4` }] });
    expect((await subjectRow()).next_website_index).toBe(5);
  });

  it('T4 and T5 keep the number and add an access provider', async () => {
    const t4 = await approve({ type: 'add_access_subject_here', websites: [aWebsite('main.com')] });
    expect(t4).toEqual({
      state: 'approved',
      subjectNumber: number,
      websites: [{ domain: 'main.com', websiteNumber: `${number}-1` }],
    });
    await approve({ type: 'add_access_subject_elsewhere', subject: unit, websites: [aWebsite('main.com')] });
    expect(await t.gateway.lookupDomain('main.com')).toMatchObject({
      websiteNumber: `${number}-1`,
      accessProviderCount: 3,
    });
  });

  it('T6 changes the subject and, optionally, its websites, keeping every number', async () => {
    const li = aPerson('li');
    const changed = { ...unit, sponsorName: '北京云帆新名科技有限公司', responsiblePerson: li };
    const status = await approve({
      type: 'change_subject',
      subject: changed,
      websites: [{ ...aWebsite('main.com', li), name: '新主站', websiteNumber: `${number}-1` }],
    });
    expect(status).toMatchObject({ subjectNumber: number, websites: [{ websiteNumber: `${number}-1` }] });
    const subject = await subjectRow();
    expect(subject).toMatchObject({ name: '北京云帆新名科技有限公司', responsible_name: li.name, status: 'active' });
    expect((await websiteRows())[0]).toMatchObject({ name: '新主站', responsible_name: li.name });
  });

  it('T7 changes website data, including a domain that passes verification', async () => {
    await approve({
      type: 'change_website',
      websites: [{ ...aWebsite('renamed.com'), name: '改名后的站', websiteNumber: `${number}-1` }],
    });
    expect((await websiteRows())[0]).toMatchObject({
      number: `${number}-1`,
      domain: 'renamed.com',
      name: '改名后的站',
    });
    expect(await t.gateway.lookupDomain('main.com')).toEqual({ filed: false });
  });

  it('T8 and T9 leave the national records unchanged', async () => {
    const before = await websiteRows();
    await approve({ type: 'change_access', websites: [{ ...aWebsite('main.com'), websiteNumber: `${number}-1` }] });
    expect(await approve({ type: 'change_images' })).toEqual({
      state: 'approved',
      subjectNumber: number,
      websites: [],
    });
    expect(await websiteRows()).toEqual(before);
  });

  it('T10 cancels the subject and all its websites', async () => {
    expect(await approve({ type: 'cancel_subject' })).toEqual({ state: 'completed' });
    expect(await t.gateway.lookupSubjectNumber(number)).toMatchObject({ found: true, active: false });
    expect((await websiteRows()).map((w) => w.status)).toEqual(['cancelled', 'cancelled']);
    expect(await t.gateway.lookupDomain('blog.com')).toEqual({ filed: false });
  });

  it('T11 cancels only the chosen website', async () => {
    expect(await approve({ type: 'cancel_website', targetWebsiteNumbers: [`${number}-2`] })).toEqual({
      state: 'completed',
    });
    expect((await websiteRows()).map((w) => w.status)).toEqual(['active', 'cancelled']);
    expect((await subjectRow()).status).toBe('active');
  });

  it('T12 removes one access provider; at 0 the website is a shell that keeps its number', async () => {
    await approve({ type: 'cancel_access', targetWebsiteNumbers: [`${number}-1`, `${number}-2`] });
    expect((await websiteRows()).map((w) => [w.status, w.access_provider_count])).toEqual([
      ['active', 0],
      ['active', 1],
    ]);
    expect(await t.gateway.lookupDomain('main.com')).toMatchObject({
      filed: true,
      websiteNumber: `${number}-1`,
      accessProviderCount: 0,
    });
    // A shell website has no provider left to remove.
    const { regulatorRef } = await t.gateway.submit(
      aSubmission('cancel_access', { subjectNumber: number, targetWebsiteNumbers: [`${number}-1`] }),
    );
    expect(await t.gateway.getStatus(regulatorRef)).toMatchObject({
      state: 'rejected_at_intake',
      reasons: [{ field: 'targetWebsiteNumbers.0', code: 'ACCESS_NOT_FOUND' }],
    });
  });

  it('an approval the records no longer allow fails with RECORD_CONFLICT and changes nothing', async () => {
    const { regulatorRef } = await t.gateway.submit(
      aSubmission('cancel_website', { subjectNumber: number, targetWebsiteNumbers: [`${number}-2`] }),
    );
    await approve({ type: 'cancel_subject' });
    await expect(t.sim.decideOrder(regulatorRef, { decision: 'approve' })).rejects.toMatchObject({
      code: 'RECORD_CONFLICT',
      details: { reasons: [{ code: 'SUBJECT_CANCELLED' }] },
    });
    expect((await t.gateway.getStatus(regulatorRef)).state).toBe('admin_review');
    const rejected = await t.sim.decideOrder(regulatorRef, {
      decision: 'reject',
      reasons: [{ field: 'subjectNumber', code: 'SUBJECT_CANCELLED', message: '主体已注销' }],
    });
    expect(rejected).toMatchObject({ state: 'admin_rejected', reasons: [{ code: 'SUBJECT_CANCELLED' }] });
    await expect(t.sim.decideOrder(regulatorRef, { decision: 'approve' })).rejects.toMatchObject({
      code: 'ORDER_NOT_IN_REVIEW',
    });
  });
});
