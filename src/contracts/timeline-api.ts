import { z } from 'zod';
import { ORDER_STATES } from '../domain/order-state.ts';

/** GET /api/v1/applicant/orders/:id/timeline: what happened to an order, when, and which party acted. */
const Bilingual = z.object({ zhCN: z.string(), enUS: z.string() });

/**
 * Who acted, as a party of the filing (domain.md §3.1), never a person: staff are named by their role only
 * (接入商审核员, not an e-mail), MIIT and the 管局 by institution, deadlines and automatic steps as the system.
 */
export const TIMELINE_ACTORS = [
  'applicant',
  'provider_reviewer',
  'provider_admin',
  'miit',
  'administration',
  'system',
] as const;
export type TimelineActor = (typeof TIMELINE_ACTORS)[number];

export const TimelineEntrySchema = z.object({
  at: z.string(),
  /** `created`, `terms_accepted` or a lifecycle event type (submit, provider_reject, admin_approve…). */
  event: z.string(),
  title: Bilingual,
  actor: z.enum(TIMELINE_ACTORS),
  actorLabel: Bilingual,
  fromState: z.enum(ORDER_STATES).nullable(),
  toState: z.enum(ORDER_STATES).nullable(),
  toStateLabel: Bilingual.nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const TimelineResponseSchema = z.object({
  orderId: z.string(),
  /** Oldest first. */
  items: z.array(TimelineEntrySchema),
  /** What the portal promises for the stages still ahead (the 管局 figure depends on the province). */
  expected: z.object({
    providerReviewWorkingDays: z.object({ min: z.number().int(), max: z.number().int() }),
    adminReviewWorkingDays: z.number().int(),
  }),
});
export type TimelineResponse = z.infer<typeof TimelineResponseSchema>;
