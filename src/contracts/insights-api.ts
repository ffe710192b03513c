import { z } from 'zod';
import { INSIGHT_GROUPINGS } from '../domain/insights/groupings.ts';

export type { InsightGrouping } from '../domain/insights/groupings.ts';
/** The back office dashboard (GET /api/v1/admin/insights): volumes, pass rates and stage durations per group. */
export { INSIGHT_GROUPINGS };

/** Longest range one request may ask for: the use case reads every transition of the orders touched in it. */
export const INSIGHTS_MAX_RANGE_DAYS = 366;

export const InsightsQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    groupBy: z.enum(INSIGHT_GROUPINGS).default('province'),
  })
  .strict()
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= INSIGHTS_MAX_RANGE_DAYS * 86_400_000, {
    message: `at most ${INSIGHTS_MAX_RANGE_DAYS} days`,
    path: ['from'],
  });
export type InsightsQuery = z.infer<typeof InsightsQuerySchema>;

const StageStatsSchema = z.object({
  count: z.number().int(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
});

export const InsightGroupSchema = z.object({
  key: z.string().nullable(),
  /** A reviewer's display name when grouped by reviewer; null otherwise (the client names provinces and types). */
  label: z.string().nullable(),
  submitted: z.number().int(),
  providerDecided: z.number().int(),
  providerApproved: z.number().int(),
  providerRejected: z.number().int(),
  adminApproved: z.number().int(),
  adminRejected: z.number().int(),
  passRate: z.number().nullable(),
  firstTimeDecided: z.number().int(),
  firstTimePassed: z.number().int(),
  firstTimePassRate: z.number().nullable(),
  stages: z.object({
    providerReview: StageStatsSchema,
    adminDecision: StageStatsSchema,
    wholeFiling: StageStatsSchema,
  }),
});
export type InsightGroupView = z.infer<typeof InsightGroupSchema>;

export const InsightsSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(INSIGHT_GROUPINGS),
  groups: z.array(InsightGroupSchema),
  total: InsightGroupSchema,
  /** False when a year of the range is not in the maintained holiday calendar (weekdays were assumed). */
  calendarCovered: z.boolean(),
});
export type InsightsView = z.infer<typeof InsightsSchema>;
