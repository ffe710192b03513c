import { workingDaysBetween } from '../calendar/working-days.ts';
import type { InsightGrouping } from './groupings.ts';
import { percentile, rate, round } from './stats.ts';

/**
 * The back office dashboard's numbers (issue 8 item 6), from an order's transitions as the audit log records them
 * (action `order.<event>`, from → to state, when, by whom). Pure: the use case gathers the rows.
 *
 * What is counted in a range [from, to): the events that happened in it. An order submitted last month and decided
 * this month counts as decided this month, and its 初审 duration runs from its (re)submission, wherever that lies.
 */
export { INSIGHT_GROUPINGS, type InsightGrouping } from './groupings.ts';

export type OrderTransition = {
  orderId: string;
  at: Date;
  /** The lifecycle event (`provider_approve`), i.e. the audit action without its `order.` prefix. */
  event: string;
  actorId: string | null;
  fromState: string | null;
  toState: string | null;
};

export type OrderFacts = { type: string; province: string | null; reviewerId: string | null };

export type StageStats = { count: number; median: number | null; p90: number | null };
export type InsightGroup = {
  /** Province code, filing type, or reviewer id; null when the order has none (no province yet, no reviewer). */
  key: string | null;
  submitted: number;
  providerDecided: number;
  providerApproved: number;
  providerRejected: number;
  adminApproved: number;
  adminRejected: number;
  /** Provider approvals / provider decisions. */
  passRate: number | null;
  /** Orders whose first provider decision fell in the range. */
  firstTimeDecided: number;
  /** … of which that decision was an approval and the order was never returned since, at any stage. */
  firstTimePassed: number;
  firstTimePassRate: number | null;
  /** In Chinese working days (fractional). */
  stages: { providerReview: StageStats; adminDecision: StageStats; wholeFiling: StageStats };
};
export type Insights = { groups: InsightGroup[]; total: InsightGroup };

/** States an order is sent back into: any of them means the first submission did not pass as it was. */
const RETURN_STATES = new Set(['provider_rejected', 'authenticity_rejected', 'returned_by_miit', 'admin_rejected']);
const PROVIDER_DECISIONS = new Set(['provider_approve', 'provider_reject']);

type Bucket = {
  submitted: number;
  providerApproved: number;
  providerRejected: number;
  adminApproved: number;
  adminRejected: number;
  firstTimeDecided: number;
  firstTimePassed: number;
  providerReview: number[];
  adminDecision: number[];
  wholeFiling: number[];
};

const emptyBucket = (): Bucket => ({
  submitted: 0,
  providerApproved: 0,
  providerRejected: 0,
  adminApproved: 0,
  adminRejected: 0,
  firstTimeDecided: 0,
  firstTimePassed: 0,
  providerReview: [],
  adminDecision: [],
  wholeFiling: [],
});

const stage = (values: number[]): StageStats => ({
  count: values.length,
  median: round(percentile(values, 0.5), 2),
  p90: round(percentile(values, 0.9), 2),
});

const finish = (key: string | null, b: Bucket): InsightGroup => {
  const providerDecided = b.providerApproved + b.providerRejected;
  return {
    key,
    submitted: b.submitted,
    providerDecided,
    providerApproved: b.providerApproved,
    providerRejected: b.providerRejected,
    adminApproved: b.adminApproved,
    adminRejected: b.adminRejected,
    passRate: round(rate(b.providerApproved, providerDecided), 4),
    firstTimeDecided: b.firstTimeDecided,
    firstTimePassed: b.firstTimePassed,
    firstTimePassRate: round(rate(b.firstTimePassed, b.firstTimeDecided), 4),
    stages: {
      providerReview: stage(b.providerReview),
      adminDecision: stage(b.adminDecision),
      wholeFiling: stage(b.wholeFiling),
    },
  };
};

/**
 * Aggregates per group and in total. `transitions` must hold each touched order's whole history (durations
 * reach back before the range), in the order they happened; `orders` the facts of every order named in them.
 */
export function aggregateInsights(input: {
  transitions: readonly OrderTransition[];
  orders: ReadonlyMap<string, OrderFacts>;
  range: { from: Date; to: Date };
  groupBy: InsightGrouping;
  /** Injected for tests; the Chinese working-day calendar by default. */
  workingDays?: (from: Date, to: Date) => number;
}): Insights {
  const { range, groupBy } = input;
  const days = input.workingDays ?? workingDaysBetween;
  const inRange = (at: Date) => at >= range.from && at < range.to;
  const buckets = new Map<string | null, Bucket>();
  const total = emptyBucket();
  const byOrder = new Map<string, OrderTransition[]>();
  for (const t of input.transitions) {
    const list = byOrder.get(t.orderId);
    if (list) list.push(t);
    else byOrder.set(t.orderId, [t]);
  }

  for (const [orderId, history] of byOrder) {
    const facts = input.orders.get(orderId);
    if (!facts) continue;
    // The reviewer an order belongs to: who made its latest provider decision (the order row as a fallback).
    const lastDecider = history.findLast((t) => PROVIDER_DECISIONS.has(t.event))?.actorId ?? facts.reviewerId;
    const keyFor = (decider: string | null): string | null =>
      groupBy === 'province' ? facts.province : groupBy === 'type' ? facts.type : decider;
    const add = (decider: string | null, apply: (b: Bucket) => void) => {
      const key = keyFor(decider);
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = emptyBucket();
        buckets.set(key, bucket);
      }
      apply(bucket);
      apply(total);
    };

    const everReturned = history.some((t) => t.toState !== null && RETURN_STATES.has(t.toState));
    let firstSubmitAt: Date | null = null;
    let enteredProviderReviewAt: Date | null = null;
    let providerApprovedAt: Date | null = null;
    let firstDecisionSeen = false;
    for (const t of history) {
      if (t.event === 'submit' && firstSubmitAt === null) {
        firstSubmitAt = t.at;
        if (inRange(t.at))
          add(lastDecider, (b) => {
            b.submitted += 1;
          });
      }
      if (t.toState === 'pending_provider_review') enteredProviderReviewAt = t.at;
      if (PROVIDER_DECISIONS.has(t.event)) {
        const approved = t.event === 'provider_approve';
        if (approved) providerApprovedAt = t.at;
        const isFirst = !firstDecisionSeen;
        firstDecisionSeen = true;
        if (inRange(t.at)) {
          const waited = enteredProviderReviewAt ? days(enteredProviderReviewAt, t.at) : null;
          add(t.actorId, (b) => {
            if (approved) b.providerApproved += 1;
            else b.providerRejected += 1;
            if (waited !== null) b.providerReview.push(waited);
            if (isFirst) {
              b.firstTimeDecided += 1;
              if (approved && !everReturned) b.firstTimePassed += 1;
            }
          });
        }
      }
      if ((t.event === 'admin_approve' || t.event === 'admin_reject') && inRange(t.at)) {
        const approved = t.event === 'admin_approve';
        const sinceApproval = providerApprovedAt ? days(providerApprovedAt, t.at) : null;
        const whole = approved && t.toState === 'approved' && firstSubmitAt ? days(firstSubmitAt, t.at) : null;
        add(lastDecider, (b) => {
          if (approved) b.adminApproved += 1;
          else b.adminRejected += 1;
          if (sinceApproval !== null) b.adminDecision.push(sinceApproval);
          if (whole !== null) b.wholeFiling.push(whole);
        });
      }
    }
  }

  const groups = [...buckets.entries()]
    .map(([key, b]) => finish(key, b))
    .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { groups, total: finish(null, total) };
}
