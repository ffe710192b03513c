import { z } from 'zod';
import { FILING_TYPES } from '../domain/filing-type.ts';
import type { OrderState } from '../domain/order-state.ts';
import { PROVINCE_CODES } from '../domain/province/provinces.ts';
import { SLA_STATE_VALUES } from '../domain/review/sla-states.ts';
import { OrderSummarySchema } from './order-api.ts';
import { safeString } from './safe-string.ts';

/**
 * The back office's queues (GET /reviewer/queue?tab=…, POST /reviewer/queue/search, GET /reviewer/queue/counts).
 * The first two wait for the provider and run on the review SLA clock, due first; the others are read-only
 * follow-ups of orders waiting for someone else (MIIT's SMS check, the applicant after a return, the 管局),
 * longest waiting first.
 */
export const QUEUE_TABS = [
  'provider_review',
  'authenticity_review',
  'sms_pending',
  'returned',
  'with_regulator',
] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export const QUEUE_TAB_STATES: Record<QueueTab, readonly OrderState[]> = {
  provider_review: ['pending_provider_review'],
  authenticity_review: ['authenticity_under_review'],
  sms_pending: ['pending_sms_verification'],
  // Both wait for the applicant to correct and resubmit: MIIT returned it (SMS not verified) or the 管局 refused it.
  returned: ['returned_by_miit', 'admin_rejected'],
  with_regulator: ['submitting_to_admin', 'pending_admin_review'],
};

/** Tabs whose orders wait for the provider, due by the SLA; only these take the SLA filter. */
export const SLA_TABS: readonly QueueTab[] = ['provider_review', 'authenticity_review'];

export { SLA_STATE_VALUES };
export type SlaState = (typeof SLA_STATE_VALUES)[number];

/** `me`, `unassigned` (no live claim), or a staff member's id; claims count only while claim_expires_at is ahead. */
const AssigneeFilter = z.union([z.enum(['me', 'unassigned']), z.string().uuid()]);

/** The filters every queue view shares (none of them personal data, so they may sit in the URL). */
export const QueueFiltersSchema = z.object({
  province: z.enum(PROVINCE_CODES).optional(),
  type: z.enum(FILING_TYPES).optional(),
  /** Handed in (last submission) at least this many Chinese working days ago. */
  minAgeWorkingDays: z.coerce.number().min(0).max(60).optional(),
  assignee: AssigneeFilter.optional(),
  /** On the SLA tabs only; ignored on the follow-up tabs, which have no clock. */
  sla: z.enum(SLA_STATE_VALUES).optional(),
});
export type QueueFilters = z.infer<typeof QueueFiltersSchema>;

export const QueueQuerySchema = QueueFiltersSchema.extend({
  tab: z.enum(QUEUE_TABS).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(512).optional(),
}).strict();

/**
 * A search sent in the body, never the URL: a sponsor's name is personal data. Matches an order number (the
 * id or its first characters), a domain by prefix, or the sponsor's exact full name (blind index).
 */
export const QueueSearchRequestSchema = QueueQuerySchema.extend({ q: safeString().min(1).max(100) }).strict();

export const QueueAssigneeSchema = z.object({ id: z.string(), displayName: z.string() });

export const QueueItemSchema = OrderSummarySchema.extend({
  slaDueAt: z.string().nullable(),
  slaState: z.enum(SLA_STATE_VALUES).nullable(),
  /** Working hours until due; negative once overdue. Null without a clock. */
  slaWorkingHoursLeft: z.number().nullable(),
  /** The staff member holding a live claim on the order, if any. */
  assignee: QueueAssigneeSchema.nullable(),
  claimExpiresAt: z.string().nullable(),
  lastActivityAt: z.string(),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

export const QueuePageSchema = z.object({
  tab: z.enum(QUEUE_TABS),
  items: z.array(QueueItemSchema),
  nextCursor: z.string().nullable(),
});
export type QueuePage = z.infer<typeof QueuePageSchema>;

export const QueueCountsQuerySchema = QueueFiltersSchema.strict();

/** Orders per tab under the given filters (the search does not narrow the counts). */
export const QueueCountsSchema = z.object({
  counts: z.object(Object.fromEntries(QUEUE_TABS.map((t) => [t, z.number().int()])) as Record<QueueTab, z.ZodNumber>),
  /** Whether the working-day calendar holds this year's official schedule (else Monday–Friday is assumed). */
  calendarCovered: z.boolean(),
});
export type QueueCounts = z.infer<typeof QueueCountsSchema>;

/** Staff a queue can be filtered by (GET /reviewer/queue/assignees). */
export const QueueAssigneesSchema = z.object({ items: z.array(QueueAssigneeSchema) });
