import { describe, expect, it } from 'vitest';
import { aggregateInsights, type OrderFacts, type OrderTransition } from './insights.ts';

/** Shanghai wall-clock time (UTC+8) as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`);
const range = { from: sh('2026-03-01T00:00:00'), to: sh('2026-04-01T00:00:00') };

const step = (orderId: string, at: string, event: string, toState: string, actorId: string | null = null) =>
  ({ orderId, at: sh(at), event, actorId, fromState: null, toState }) satisfies OrderTransition;

const facts = (province: string, type = 'new_subject_and_website', reviewerId: string | null = null): OrderFacts => ({
  type,
  province,
  reviewerId,
});

describe('aggregateInsights', () => {
  // Friday 2026-03-06 10:00 submitted, approved on Monday 10:00: one working day across the weekend.
  const approvedAcrossWeekend = [
    step('a', '2026-03-06T10:00:00', 'submit', 'pending_provider_review'),
    step('a', '2026-03-09T10:00:00', 'provider_approve', 'submitting_to_admin', 'alice'),
    step('a', '2026-03-09T10:05:00', 'regulator_accepted', 'pending_admin_review'),
    step('a', '2026-03-11T10:00:00', 'admin_approve', 'approved'),
  ];
  // Rejected once after half a working day, resubmitted, approved; the administration has not decided yet.
  const returnedOnce = [
    step('b', '2026-03-10T09:00:00', 'submit', 'pending_provider_review'),
    step('b', '2026-03-10T21:00:00', 'provider_reject', 'provider_rejected', 'bob'),
    step('b', '2026-03-12T09:00:00', 'resubmit', 'pending_provider_review'),
    step('b', '2026-03-12T21:00:00', 'provider_approve', 'submitting_to_admin', 'alice'),
  ];
  const orders = new Map([
    ['a', facts('110000')],
    ['b', facts('310000', 'new_website')],
  ]);

  it('counts volumes, rates and working-day durations in total', () => {
    const { total } = aggregateInsights({
      transitions: [...approvedAcrossWeekend, ...returnedOnce],
      orders,
      range,
      groupBy: 'province',
    });
    expect(total).toMatchObject({
      submitted: 2,
      providerDecided: 3,
      providerApproved: 2,
      providerRejected: 1,
      adminApproved: 1,
      adminRejected: 0,
      passRate: 0.6667,
      firstTimeDecided: 2,
      firstTimePassed: 1,
      firstTimePassRate: 0.5,
    });
    // 初审 waits: a 1.0 (Fri→Mon), b 0.5 and 0.5.
    expect(total.stages.providerReview).toEqual({ count: 3, median: 0.5, p90: 0.9 });
    expect(total.stages.adminDecision).toEqual({ count: 1, median: 2, p90: 2 });
    // Fri 10:00 → Wed 10:00 is three working days.
    expect(total.stages.wholeFiling).toEqual({ count: 1, median: 3, p90: 3 });
  });

  it('groups by province, by type and by the reviewer who decided', () => {
    const transitions = [...approvedAcrossWeekend, ...returnedOnce];
    const byProvince = aggregateInsights({ transitions, orders, range, groupBy: 'province' });
    expect(byProvince.groups.map((g) => [g.key, g.submitted, g.providerDecided])).toEqual([
      ['110000', 1, 1],
      ['310000', 1, 2],
    ]);
    const byType = aggregateInsights({ transitions, orders, range, groupBy: 'type' });
    expect(byType.groups.map((g) => g.key)).toEqual(['new_subject_and_website', 'new_website']);
    const byReviewer = aggregateInsights({ transitions, orders, range, groupBy: 'reviewer' });
    expect(
      byReviewer.groups.map((g) => [g.key, g.providerApproved, g.providerRejected, g.firstTimeDecided, g.submitted]),
    ).toEqual([
      // Both orders' latest decider is alice, so their submissions and the admin decision count for her.
      ['alice', 2, 0, 1, 2],
      ['bob', 0, 1, 1, 0],
    ]);
    expect(byReviewer.groups[0]?.passRate).toBe(1);
    expect(byReviewer.groups[1]?.passRate).toBe(0);
  });

  it('counts only events inside the range, measuring durations from before it', () => {
    const { total } = aggregateInsights({
      transitions: approvedAcrossWeekend,
      orders,
      range: { from: sh('2026-03-07T00:00:00'), to: sh('2026-03-10T00:00:00') },
      groupBy: 'type',
    });
    expect(total).toMatchObject({ submitted: 0, providerDecided: 1, adminApproved: 0 });
    expect(total.stages.providerReview.median).toBe(1);
  });

  it('an order returned later by the administration is not a first-time pass', () => {
    const transitions = [
      step('c', '2026-03-02T10:00:00', 'submit', 'pending_provider_review'),
      step('c', '2026-03-02T12:00:00', 'provider_approve', 'submitting_to_admin', 'alice'),
      step('c', '2026-03-03T12:00:00', 'regulator_accepted', 'pending_admin_review'),
      step('c', '2026-03-04T12:00:00', 'admin_reject', 'admin_rejected'),
    ];
    const { total } = aggregateInsights({
      transitions,
      orders: new Map([['c', facts('110000')]]),
      range,
      groupBy: 'province',
    });
    expect(total).toMatchObject({ firstTimeDecided: 1, firstTimePassed: 0, adminRejected: 1, passRate: 1 });
    expect(total.stages.adminDecision.median).toBe(2);
    expect(total.stages.wholeFiling.count).toBe(0);
  });

  it('answers null rates and durations when nothing happened, and puts orders without a key last', () => {
    const empty = aggregateInsights({ transitions: [], orders: new Map(), range, groupBy: 'province' });
    expect(empty.groups).toEqual([]);
    expect(empty.total).toMatchObject({ passRate: null, firstTimePassRate: null });
    expect(empty.total.stages.providerReview).toEqual({ count: 0, median: null, p90: null });
    const withNone = aggregateInsights({
      transitions: [
        step('x', '2026-03-02T10:00:00', 'submit', 'pending_provider_review'),
        step('y', '2026-03-02T10:00:00', 'submit', 'pending_provider_review'),
      ],
      orders: new Map([
        ['x', { type: 'new_website', province: null, reviewerId: null }],
        ['y', facts('110000')],
      ]),
      range,
      groupBy: 'province',
    });
    expect(withNone.groups.map((g) => g.key)).toEqual(['110000', null]);
  });
});
