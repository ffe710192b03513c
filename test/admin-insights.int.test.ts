import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InsightsView } from '../src/contracts/insights-api.ts';
import { createManualClock } from '../src/domain/ports/clock.ts';
import type { person } from './support/filing-data.ts';
import { injectJson, type LoggedIn, loginAs, relogin } from './support/http.ts';
import {
  type Applicant,
  adminDecides,
  api,
  getOrder,
  passProviderStages,
  submittedFirstFiling,
  verifyAllSms,
} from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

/**
 * Issue 8 item 6, the dashboard: volumes, pass rates and stage durations in Chinese working days, derived from the
 * audit log's transitions. The clock starts on Friday 2026-03-06 10:00 in Shanghai, so 初审 on Monday 10:00 took
 * one working day across the weekend.
 */
const HOUR = 3_600_000;
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const clock = createManualClock(new Date(sh('2026-03-06T10:00:00')));

let p: TestPlatform;
let reviewer: LoggedIn;
let admin: LoggedIn;
let senior: LoggedIn;

type Filed = { applicant: Applicant; id: string; rp: ReturnType<typeof person> };

/** Each order from a fresh applicant (one open order per subject), submitted now. */
async function submitted(): Promise<Filed> {
  const { applicant, id, rp } = await submittedFirstFiling(p, 'insight');
  return { applicant, id, rp };
}

/** Sessions lapse while the clock jumps days; everyone signs in again afterwards. */
async function advance(ms: number, ...filed: Filed[]) {
  clock.advance(ms);
  reviewer = await relogin(p.app, p.ctx, reviewer);
  admin = await relogin(p.app, p.ctx, admin);
  senior = await relogin(p.app, p.ctx, senior);
  for (const f of filed) f.applicant = { ...f.applicant, ...(await relogin(p.app, p.ctx, f.applicant)) };
}

const insights = (who: LoggedIn, from: string, to: string, groupBy = 'province') =>
  api<InsightsView>(
    p,
    who,
    'GET',
    `/api/v1/admin/insights?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&groupBy=${groupBy}`,
  );

const WEEK = { from: sh('2026-03-06T00:00:00'), to: sh('2026-03-11T00:00:00') };
let a: Filed;
let b: Filed;
let c: Filed;

beforeAll(async () => {
  p = await createTestPlatform({ clock, regulator: 'in_process' });
  reviewer = await loginAs(p.app, p.ctx, 'reviewer', { displayName: 'Insight Reviewer' });
  admin = await loginAs(p.app, p.ctx, 'admin');
  senior = await loginAs(p.app, p.ctx, 'senior_reviewer');
  // Friday 10:00: A and B handed in.
  a = await submitted();
  b = await submitted();
  // Monday 10:00: C handed in; A approved (then photos, SMS: at MIIT the same hour), B returned.
  await advance(72 * HOUR, a, b);
  c = await submitted();
  const view = await passProviderStages(p, a.applicant, reviewer, a.id);
  expect(view.state).toBe('pending_sms_verification');
  await verifyAllSms(p, a.id, { [a.rp.mobile]: a.rp.idNumber });
  expect((await getOrder(p, a.applicant, a.id)).state).toBe('pending_admin_review');
  await api(p, reviewer, 'POST', `/api/v1/reviewer/orders/${b.id}/provider-review`, {
    decision: 'reject',
    reasons: [{ field: 'websites.0.name', code: 'WEBSITE_NAME_INVALID', message: '网站名称不符合要求' }],
  });
  // Monday 22:00: C approved after half a working day.
  await advance(12 * HOUR, c);
  await api(p, reviewer, 'POST', `/api/v1/reviewer/orders/${c.id}/provider-review`, { decision: 'approve' });
  // Tuesday 10:00: the administration approves A; its number is issued.
  await advance(12 * HOUR, a);
  await adminDecides(p, a.id, 'approve');
  expect((await getOrder(p, a.applicant, a.id)).state).toBe('approved');
}, 180_000);
afterAll(async () => p?.close());

describe('issue-8.6 dashboard', () => {
  it('counts the week: volumes, pass rates and working-day medians across the weekend', async () => {
    const week = await insights(admin, WEEK.from, WEEK.to);
    expect(week.calendarCovered).toBe(true);
    expect(week.total).toMatchObject({
      submitted: 3,
      providerDecided: 3,
      providerApproved: 2,
      providerRejected: 1,
      adminApproved: 1,
      adminRejected: 0,
      passRate: 0.6667,
      firstTimeDecided: 3,
      firstTimePassed: 2,
      firstTimePassRate: 0.6667,
    });
    expect(week.total.stages).toEqual({
      // A and B waited Fri 10:00 → Mon 10:00 (1.0 working day), C Mon 10:00 → 22:00 (0.5).
      providerReview: { count: 3, median: 1, p90: 1 },
      // A: approved by the provider Mon 10:00, by the administration Tue 10:00.
      adminDecision: { count: 1, median: 1, p90: 1 },
      // A: handed in Fri 10:00, number issued Tue 10:00.
      wholeFiling: { count: 1, median: 2, p90: 2 },
    });
    // All three are Beijing individuals: one group holding the same numbers.
    expect(week.groups).toHaveLength(1);
    expect(week.groups[0]).toMatchObject({ submitted: 3, providerDecided: 3, passRate: 0.6667, label: null });
  });

  it('groups by reviewer with their names, and a range counts only what happened in it', async () => {
    const byReviewer = await insights(senior, WEEK.from, WEEK.to, 'reviewer');
    expect(byReviewer.groups.map((g) => [g.key, g.label, g.providerDecided])).toEqual([
      [reviewer.user.id, 'Insight Reviewer', 3],
    ]);
    const monday = await insights(admin, sh('2026-03-09T00:00:00'), sh('2026-03-10T00:00:00'), 'type');
    expect(monday.total).toMatchObject({ submitted: 1, providerDecided: 3, adminApproved: 0 });
    expect(monday.total.stages.providerReview).toEqual({ count: 3, median: 1, p90: 1 });
    const before = await insights(admin, sh('2026-03-01T00:00:00'), sh('2026-03-06T00:00:00'));
    expect(before.groups).toEqual([]);
    expect(before.total).toMatchObject({ submitted: 0, passRate: null });
  });

  it('is for admins and senior reviewers; ranges are checked', async () => {
    const url = `/api/v1/admin/insights?from=${encodeURIComponent(WEEK.from)}&to=${encodeURIComponent(WEEK.to)}`;
    expect((await injectJson(p.app, { method: 'GET', url, cookie: reviewer.cookie })).statusCode).toBe(403);
    expect((await injectJson(p.app, { method: 'GET', url, cookie: a.applicant.cookie })).statusCode).toBe(403);
    const backwards = `/api/v1/admin/insights?from=${encodeURIComponent(WEEK.to)}&to=${encodeURIComponent(WEEK.from)}`;
    expect((await injectJson(p.app, { method: 'GET', url: backwards, cookie: admin.cookie })).statusCode).toBe(400);
    const tooLong = `/api/v1/admin/insights?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`;
    expect((await injectJson(p.app, { method: 'GET', url: tooLong, cookie: admin.cookie })).statusCode).toBe(400);
  });
});
