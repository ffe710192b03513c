import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { individualSubject, person, uniqueDomain, website } from '../../../test/support/filing-data.ts';
import { type LoggedIn, loginAs, relogin } from '../../../test/support/http.ts';
import { api, completeAndSubmit, newApplicant } from '../../../test/support/journey.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import type { QueueCounts, QueuePage, QueueTab } from '../../contracts/queue-api.ts';
import type { OrderState } from '../../domain/order-state.ts';
import { insertAccount } from '../authorization-codes/code-test-fixtures.ts';
import { countQueues, listQueue } from './review-queues.ts';

let p: TestPlatform;
let reviewer: LoggedIn;

// Shanghai local time written as an instant.
const sh = (local: string) => new Date(`${local}+08:00`);

beforeAll(async () => {
  p = await createTestPlatform({ regulator: 'in_process' });
  reviewer = await loginAs(p.app, p.ctx, 'reviewer', { displayName: '审核员甲' });
});
afterAll(() => p?.close());

type Seed = {
  state?: OrderState;
  due?: Date | null;
  submittedAt?: Date;
  activityAt?: Date;
  province?: string;
  type?: 'first_filing' | 'add_website_subject_here';
  claimedBy?: string;
  claimExpiresAt?: Date;
};

/** An order written straight into the table (one per account), as the queue reads it. */
async function seed(s: Seed = {}): Promise<string> {
  const at = s.submittedAt ?? sh('2026-11-02T09:00:00');
  const accountId = await insertAccount(p.ctx.db, at);
  const id = crypto.randomUUID();
  const state = s.state ?? 'pending_provider_review';
  await p.ctx.db
    .insertInto('filing_orders')
    .values({
      id,
      account_id: accountId,
      subject_id: null,
      type: s.type ?? 'first_filing',
      state,
      verification_stage: 'after_provider_review',
      version: 3,
      province: s.province ?? 'beijing',
      data_enc: p.ctx.cipher.encryptJson({ websites: [{ domain: `seed-${id.slice(0, 8)}.cn` }] }),
      determination: JSON.stringify({}),
      target_website_ids: JSON.stringify([]),
      submission_count: 1,
      submitted_at: at,
      last_submitted_at: at,
      last_activity_at: s.activityAt ?? at,
      created_at: at,
      updated_at: at,
      sla_due_at: s.due === undefined ? new Date(at.getTime() + 86_400_000) : s.due,
      claimed_by: s.claimedBy ?? null,
      claim_expires_at: s.claimExpiresAt ?? null,
      search_indexed: true,
    })
    .execute();
  return id;
}

const me = () => ({ id: reviewer.user.id });

/** Every id of a tab, page by page, with the given page size. */
async function allPages(tab: QueueTab, opts: Record<string, unknown>, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await listQueue(p.ctx, me(), { tab, limit, cursor, ...opts });
    seen.push(...page.items.map((o) => o.id));
    cursor = page.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return seen;
}

describe('the SLA clock on the real lifecycle, across National Day 2026', () => {
  it('a submission on 30 September afternoon is due on 8 October, the first working day after the holiday', async () => {
    p.clock.set(sh('2026-09-30T15:00:00'));
    const a = await newApplicant(p);
    const domain = uniqueDomain('sla');
    const rp = person({ name: '欧阳队列' });
    const order = await api(
      p,
      a,
      'POST',
      '/api/v1/applicant/orders',
      { kind: 'new', domain, subjectAlreadyFiled: false },
      201,
    );
    const { code, ip } = await a.code();
    await completeAndSubmit(p, a, order.id, {
      subject: individualSubject(rp, { province: 'beijing' }),
      websites: [website(domain, code, ip, rp, { name: '队列测试站' })],
    });

    reviewer = await relogin(p.app, p.ctx, reviewer);
    const page = await api<QueuePage>(
      p,
      reviewer,
      'GET',
      '/api/v1/reviewer/queue?tab=provider_review&province=beijing&limit=200',
    );
    const row = page.items.find((o) => o.id === order.id);
    expect(row).toMatchObject({
      slaDueAt: sh('2026-10-08T15:00:00').toISOString(),
      slaState: 'on_time',
      // 9 h left on 30 September, none during the holiday, 15 h on 8 October.
      slaWorkingHoursLeft: 24,
      assignee: null,
      sponsorName: '欧***',
    });

    // On the holiday itself nothing counts down; on 8 October it is due today, and overdue after 15:00.
    p.clock.set(sh('2026-10-08T09:00:00'));
    reviewer = await relogin(p.app, p.ctx, reviewer);
    const today = await listQueue(p.ctx, me(), { tab: 'provider_review', q: domain });
    expect(today.items.map((o) => [o.id, o.slaState, o.slaWorkingHoursLeft])).toEqual([[order.id, 'due_today', 6]]);
    p.clock.set(sh('2026-10-08T16:00:00'));
    expect((await listQueue(p.ctx, me(), { tab: 'provider_review', q: domain })).items[0]?.slaState).toBe('overdue');

    // Found through the search endpoint by domain prefix, order number and the sponsor's exact full name only.
    reviewer = await relogin(p.app, p.ctx, reviewer);
    const search = (q: string) =>
      api<QueuePage>(p, reviewer, 'POST', '/api/v1/reviewer/queue/search', { tab: 'provider_review', q });
    expect((await search(domain.slice(0, 8).toUpperCase())).items.map((o) => o.id)).toContain(order.id);
    expect((await search(order.id.slice(0, 8))).items.map((o) => o.id)).toEqual([order.id]);
    expect((await search(order.id)).items.map((o) => o.id)).toEqual([order.id]);
    expect((await search('欧阳队列')).items.map((o) => o.id)).toEqual([order.id]);
    expect((await search(' 欧阳队列　')).items.map((o) => o.id)).toEqual([order.id]);
    expect((await search('欧阳')).items).toEqual([]);

    // The name is stored only as a keyed blind index, the domain normalised; no plaintext name in the row.
    const stored = await p.ctx.db
      .selectFrom('filing_orders')
      .select(['subject_name_bidx', 'sla_due_at'])
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(stored.subject_name_bidx).toMatch(/^[A-Za-z0-9+/=_-]{20,}$/);
    expect(stored.subject_name_bidx).not.toContain('欧阳');
    const domains = await p.ctx.db
      .selectFrom('order_domains')
      .select('domain')
      .where('order_id', '=', order.id)
      .execute();
    expect(domains.map((d) => d.domain)).toEqual([domain]);

    // A return stops the clock; the resubmission starts a new one.
    await api(p, reviewer, 'POST', `/api/v1/reviewer/orders/${order.id}/provider-review`, {
      decision: 'reject',
      reasons: [{ field: 'websites.0.name', code: 'WEBSITE_NAME_MISMATCH', message: '网站名称与内容不符' }],
    });
    const cleared = await p.ctx.db
      .selectFrom('filing_orders')
      .select('sla_due_at')
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(cleared.sla_due_at).toBeNull();
    p.clock.set(sh('2026-10-09T17:00:00')); // Friday; Saturday 10 October is a make-up working day
    // The applicant's session ended while the clock moved on; they sign in again.
    await api(p, await relogin(p.app, p.ctx, a), 'POST', `/api/v1/applicant/orders/${order.id}/submit`, {});
    const resubmitted = await p.ctx.db
      .selectFrom('filing_orders')
      .select('sla_due_at')
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(resubmitted.sla_due_at).toEqual(sh('2026-10-10T17:00:00'));
  });
});

describe('queue ordering and keyset paging', () => {
  it('lists overdue orders first, then by due time, and pages every order exactly once while new ones arrive', async () => {
    p.clock.set(sh('2026-11-03T12:00:00'));
    const dues = [
      sh('2026-11-03T10:00:00'), // overdue
      sh('2026-11-02T18:00:00'), // more overdue
      sh('2026-11-03T15:00:00'), // due today
      sh('2026-11-05T09:00:00'), // on time
      sh('2026-11-03T15:00:00'), // same due time: the id breaks the tie
    ];
    const ids: { id: string; due: Date }[] = [];
    for (let i = 0; i < 4; i++) for (const due of dues) ids.push({ id: await seed({ due, province: 'xizang' }), due });
    const expected = [...ids]
      .sort((a, b) => a.due.getTime() - b.due.getTime() || (a.id < b.id ? -1 : 1))
      .map((x) => x.id);

    const first = await listQueue(p.ctx, me(), { tab: 'provider_review', province: 'xizang', limit: 3 });
    expect(first.items.map((o) => o.slaState)).toEqual(['overdue', 'overdue', 'overdue']);
    // An order arriving between two page reads, due later than the pages read so far, does not shift them.
    const late = await seed({ due: sh('2026-11-20T09:00:00'), province: 'xizang' });
    const rest = [];
    let cursor = first.nextCursor ?? undefined;
    while (cursor) {
      const page = await listQueue(p.ctx, me(), { tab: 'provider_review', province: 'xizang', limit: 3, cursor });
      rest.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
    }
    expect([...first.items.map((o) => o.id), ...rest]).toEqual([...expected, late]);
    expect(await allPages('provider_review', { province: 'xizang' }, 7)).toEqual([...expected, late]);
  });

  it('refuses a forged cursor with a stable code', async () => {
    await expect(listQueue(p.ctx, me(), { cursor: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('queue filters', () => {
  it('filters by province and filing type', async () => {
    p.clock.set(sh('2026-11-03T12:00:00'));
    const wanted = await seed({ province: 'qinghai', type: 'add_website_subject_here' });
    await seed({ province: 'qinghai' });
    await seed({ province: 'ningxia', type: 'add_website_subject_here' });
    expect(await allPages('provider_review', { province: 'qinghai', type: 'add_website_subject_here' }, 50)).toEqual([
      wanted,
    ]);
  });

  it('filters by age in working days, across the National Day holiday', async () => {
    p.clock.set(sh('2026-10-09T10:00:00'));
    const beforeHoliday = await seed({ province: 'gansu', submittedAt: sh('2026-09-30T09:00:00') });
    const yesterday = await seed({ province: 'gansu', submittedAt: sh('2026-10-08T11:00:00') });
    // 30 Sep 09:00 → 9 Oct 10:00 is 2 working days and 1 hour (15 h + 24 h + 10 h); 8 Oct 11:00 is 23 h.
    expect(await allPages('provider_review', { province: 'gansu', minAgeWorkingDays: 2 }, 50)).toEqual([beforeHoliday]);
    expect(await allPages('provider_review', { province: 'gansu', minAgeWorkingDays: 0.9 }, 50)).toEqual([
      beforeHoliday,
      yesterday,
    ]);
    expect(await allPages('provider_review', { province: 'gansu', minAgeWorkingDays: 3 }, 50)).toEqual([]);
  });

  it('filters by assignee from live claims only: me, unassigned, a named colleague', async () => {
    const now = sh('2026-11-03T12:00:00');
    p.clock.set(now);
    const colleague = await loginAs(p.app, p.ctx, 'reviewer', { displayName: '审核员乙' });
    const mine = await seed({
      province: 'hainan',
      claimedBy: reviewer.user.id,
      claimExpiresAt: sh('2026-11-03T12:30:00'),
    });
    const theirs = await seed({
      province: 'hainan',
      claimedBy: colleague.user.id,
      claimExpiresAt: sh('2026-11-03T13:00:00'),
    });
    const lapsed = await seed({
      province: 'hainan',
      claimedBy: colleague.user.id,
      claimExpiresAt: sh('2026-11-03T11:59:00'),
    });
    const free = await seed({ province: 'hainan' });
    const ids = async (assignee: string) =>
      new Set(await allPages('provider_review', { province: 'hainan', assignee }, 50));
    expect(await ids('me')).toEqual(new Set([mine]));
    expect(await ids(colleague.user.id)).toEqual(new Set([theirs]));
    expect(await ids('unassigned')).toEqual(new Set([lapsed, free]));

    const page = await listQueue(p.ctx, me(), { tab: 'provider_review', province: 'hainan' });
    const byId = new Map(page.items.map((o) => [o.id, o]));
    expect(byId.get(theirs)).toMatchObject({
      assignee: { id: colleague.user.id, displayName: '审核员乙' },
      claimExpiresAt: sh('2026-11-03T13:00:00').toISOString(),
    });
    expect(byId.get(lapsed)).toMatchObject({ assignee: null, claimExpiresAt: null });
  });

  it('filters by SLA state on the SLA tabs and counts each tab under the same filters', async () => {
    p.clock.set(sh('2026-11-03T12:00:00'));
    const overdue = await seed({ province: 'shanxi', due: sh('2026-11-03T11:00:00') });
    const today = await seed({ province: 'shanxi', due: sh('2026-11-03T23:59:00') });
    const onTime = await seed({ province: 'shanxi', due: sh('2026-11-04T00:01:00') });
    const photo = await seed({
      province: 'shanxi',
      state: 'authenticity_under_review',
      due: sh('2026-11-03T11:30:00'),
    });
    const sms = await seed({ province: 'shanxi', state: 'pending_sms_verification', due: null });
    const returned = await seed({
      province: 'shanxi',
      state: 'returned_by_miit',
      due: null,
      activityAt: sh('2026-11-02T09:00:00'),
    });
    const refused = await seed({
      province: 'shanxi',
      state: 'admin_rejected',
      due: null,
      activityAt: sh('2026-11-01T09:00:00'),
    });
    const atMiit = await seed({ province: 'shanxi', state: 'submitting_to_admin', due: null });
    const at管局 = await seed({ province: 'shanxi', state: 'pending_admin_review', due: null });
    await seed({ province: 'shanxi', state: 'approved', due: null });

    const sla = (s: string) => allPages('provider_review', { province: 'shanxi', sla: s }, 50);
    expect(await sla('overdue')).toEqual([overdue]);
    expect(await sla('due_today')).toEqual([today]);
    expect(await sla('on_time')).toEqual([onTime]);
    expect(await allPages('authenticity_review', { province: 'shanxi' }, 50)).toEqual([photo]);
    expect(await allPages('sms_pending', { province: 'shanxi' }, 50)).toEqual([sms]);
    // Longest waiting first on the follow-up tabs, and no SLA on them.
    expect(await allPages('returned', { province: 'shanxi' }, 1)).toEqual([refused, returned]);
    expect(new Set(await allPages('with_regulator', { province: 'shanxi' }, 50))).toEqual(new Set([atMiit, at管局]));
    const followUp = await listQueue(p.ctx, me(), { tab: 'returned', province: 'shanxi' });
    expect(followUp.items.map((o) => o.slaState)).toEqual([null, null]);

    const counts: QueueCounts = await countQueues(p.ctx, me(), { province: 'shanxi' });
    expect(counts.counts).toEqual({
      provider_review: 3,
      authenticity_review: 1,
      sms_pending: 1,
      returned: 2,
      with_regulator: 2,
    });
    // The SLA filter narrows the SLA tabs only.
    const overdueCounts = await api<QueueCounts>(
      p,
      await relogin(p.app, p.ctx, reviewer),
      'GET',
      '/api/v1/reviewer/queue/counts?province=shanxi&sla=overdue',
    );
    expect(overdueCounts.counts).toEqual({
      provider_review: 1,
      authenticity_review: 1,
      sms_pending: 1,
      returned: 2,
      with_regulator: 2,
    });
  });
});

describe('the older queue form', () => {
  it('still answers ?state=… oldest submission first', async () => {
    p.clock.set(sh('2026-11-03T12:00:00'));
    const id = await seed({ province: 'jilin', state: 'pending_sms_verification', due: null });
    const page = await api(
      p,
      await relogin(p.app, p.ctx, reviewer),
      'GET',
      '/api/v1/reviewer/queue?state=pending_sms_verification&province=jilin',
    );
    expect(page.items.map((o: { id: string }) => o.id)).toEqual([id]);
    expect(page.nextCursor).toBeNull();
  });
});
