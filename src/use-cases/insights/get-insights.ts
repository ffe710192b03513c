import type { AppContext } from '../../app-context.ts';
import type { InsightsView } from '../../contracts/insights-api.ts';
import { calendarCovers } from '../../domain/calendar/working-days.ts';
import type { InsightGrouping } from '../../domain/insights/groupings.ts';
import { aggregateInsights, type OrderFacts, type OrderTransition } from '../../domain/insights/insights.ts';

/** The events the dashboard counts; an order with none of them in the range is not read at all. */
const COUNTED_ACTIONS = [
  'order.submit',
  'order.provider_approve',
  'order.provider_reject',
  'order.admin_approve',
  'order.admin_reject',
];

/**
 * The dashboard for a time range. How it scales: one indexed pass picks the orders with a counted event in the
 * range (audit_log_at), then reads those orders' transitions (audit_log_order) and rows; the cost grows with the
 * orders active in the range (a few dozen transitions each), not with the whole log, and the range is capped
 * (INSIGHTS_MAX_RANGE_DAYS). At some hundred thousand orders a month, a daily roll-up table would take its place.
 */
export async function getInsights(
  ctx: Pick<AppContext, 'db'>,
  query: { from: Date; to: Date; groupBy: InsightGrouping },
): Promise<InsightsView> {
  const touched = ctx.db
    .selectFrom('audit_log')
    .select('order_id')
    .where('at', '>=', query.from)
    .where('at', '<', query.to)
    .where('action', 'in', COUNTED_ACTIONS)
    .where('order_id', 'is not', null)
    .distinct();
  const [rows, orderRows] = await Promise.all([
    ctx.db
      .selectFrom('audit_log')
      .select(['order_id', 'at', 'action', 'actor_id', 'from_state', 'to_state'])
      .where('order_id', 'in', touched)
      .where('action', 'like', 'order.%')
      .where('to_state', 'is not', null)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('filing_orders')
      .select(['id', 'type', 'province', 'reviewer_id'])
      .where('id', 'in', touched)
      .execute(),
  ]);
  const transitions: OrderTransition[] = rows.map((r) => ({
    orderId: r.order_id!,
    at: r.at,
    event: r.action.slice('order.'.length),
    actorId: r.actor_id,
    fromState: r.from_state,
    toState: r.to_state,
  }));
  const orders = new Map<string, OrderFacts>(
    orderRows.map((o) => [o.id, { type: o.type, province: o.province, reviewerId: o.reviewer_id }]),
  );
  const { groups, total } = aggregateInsights({ transitions, orders, range: query, groupBy: query.groupBy });

  const names = new Map<string, string>();
  const reviewerIds = groups.flatMap((g) => (g.key ? [g.key] : []));
  if (query.groupBy === 'reviewer' && reviewerIds.length > 0) {
    const staff = await ctx.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', reviewerIds)
      .execute();
    for (const s of staff) names.set(s.id, s.display_name);
  }
  const years: number[] = [];
  for (let y = query.from.getUTCFullYear(); y <= query.to.getUTCFullYear(); y += 1) years.push(y);
  return {
    from: query.from.toISOString(),
    to: query.to.toISOString(),
    groupBy: query.groupBy,
    groups: groups.map((g) => ({ ...g, label: g.key ? (names.get(g.key) ?? null) : null })),
    total: { ...total, label: null },
    calendarCovered: years.every(calendarCovers),
  };
}
