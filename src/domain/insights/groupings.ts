/** How the dashboard splits its numbers (kept apart from the aggregation so the browser imports no calendar). */
export const INSIGHT_GROUPINGS = ['province', 'type', 'reviewer'] as const;
export type InsightGrouping = (typeof INSIGHT_GROUPINGS)[number];
