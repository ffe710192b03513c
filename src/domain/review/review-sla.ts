import { addWorkingDays, shanghaiDayEnd, workingDaysBetween } from '../calendar/working-days.ts';
import type { OrderState } from '../order-state.ts';
import type { SlaState } from './sla-states.ts';

/**
 * The provider's review promise (SLA): an order waiting for the provider (初审, or the authenticity review after
 * the applicant handed the photo in) must be decided within N Chinese working days of entering that queue.
 * N is 1 by default and may be set per province (PROVIDER_REVIEW_SLA_WORKING_DAYS and
 * PROVIDER_REVIEW_SLA_BY_PROVINCE, README "Configuration").
 */
export const SLA_STATES: readonly OrderState[] = ['pending_provider_review', 'authenticity_under_review'];

export type ReviewSlaPolicy = {
  defaultWorkingDays: number;
  /** Province code → working days, for provinces whose 管局 or contract asks for another limit. */
  byProvince: Readonly<Record<string, number>>;
};

export const DEFAULT_REVIEW_SLA: ReviewSlaPolicy = { defaultWorkingDays: 1, byProvince: {} };

export const slaWorkingDays = (policy: ReviewSlaPolicy, province: string | null): number =>
  (province ? policy.byProvince[province] : undefined) ?? policy.defaultWorkingDays;

/**
 * The order's due time after a transition from `from` to `to`: a fresh clock when it enters a provider queue
 * (submission, resubmission, authenticity hand-in), none once it leaves them, unchanged when it stays.
 */
export function slaDueAfterTransition(
  from: OrderState,
  to: OrderState,
  province: string | null,
  now: Date,
  policy: ReviewSlaPolicy,
): Date | null | undefined {
  if (!SLA_STATES.includes(to)) return SLA_STATES.includes(from) ? null : undefined;
  if (from === to) return undefined;
  return addWorkingDays(now, slaWorkingDays(policy, province));
}

/** Overdue once the due time has passed; due today while it falls before the end of today in Shanghai. */
export function slaStateAt(dueAt: Date, now: Date): SlaState {
  if (dueAt.getTime() <= now.getTime()) return 'overdue';
  return dueAt.getTime() <= shanghaiDayEnd(now).getTime() ? 'due_today' : 'on_time';
}

/** Working hours left until the due time; negative once overdue (working hours past it). */
export function slaWorkingHoursLeft(dueAt: Date, now: Date): number {
  const days = dueAt > now ? workingDaysBetween(now, dueAt) : -workingDaysBetween(dueAt, now);
  return Math.round(days * 24 * 10) / 10;
}
