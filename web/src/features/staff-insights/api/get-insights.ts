import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type InsightGrouping, InsightsSchema } from '../../../../../src/contracts/insights-api.ts';
import { api } from '../../../api/client.ts';

export type InsightsParams = { from: string; to: string; groupBy: InsightGrouping };

export const insightKeys = {
  all: ['staff-insights'] as const,
  get: (q: InsightsParams) => ['staff-insights', q.from, q.to, q.groupBy] as const,
};

/** GET /admin/insights: the dashboard's numbers for a range, per province, filing type or reviewer. */
export const useInsights = (q: InsightsParams) =>
  useQuery({
    queryKey: insightKeys.get(q),
    queryFn: ({ signal }) => api('/admin/insights', InsightsSchema, { query: q, signal }),
    // Switching the grouping keeps the old numbers on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
