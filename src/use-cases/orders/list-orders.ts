import type { FilingOrderRow } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import type { OrderData } from '../../contracts/filing-data.ts';
import { FILING_TYPE_INFO, type FilingType } from '../../domain/filing-type.ts';
import { ORDER_STATE_LABELS, type OrderState } from '../../domain/order-state.ts';
import { maskName } from '../../domain/privacy/mask.ts';

const summarize = (ctx: AppContext, row: FilingOrderRow) => {
  const data = ctx.cipher.decryptJson<OrderData>(row.data_enc);
  const type = row.type as FilingType;
  const state = row.state as OrderState;
  const sponsor = data.subject?.sponsorName;
  return {
    id: row.id,
    type,
    typeName: { zhCN: FILING_TYPE_INFO[type].nameZh, enUS: FILING_TYPE_INFO[type].nameEn },
    state,
    stateLabel: { zhCN: ORDER_STATE_LABELS[state].zh, enUS: ORDER_STATE_LABELS[state].en },
    province: row.province,
    domains: data.websites.flatMap((w) => (w.domain ? [w.domain] : [])),
    sponsorName: sponsor ? (data.subject?.subjectType === 'individual' ? maskName(sponsor) : sponsor) : null,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    lastSubmittedAt: row.last_submitted_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
};

/** The applicant's 备案记录: every order of the account, newest first. */
export async function listAccountOrders(ctx: AppContext, accountId: string) {
  const rows = await ctx.db
    .selectFrom('filing_orders')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => summarize(ctx, r));
}

/**
 * The reviewers' queue: orders waiting in the given states, oldest submission first (first in, first out).
 * Never-submitted drafts are not staff's to see (order-access.ts, staffMaySee), whatever state is asked for.
 */
export async function listReviewQueue(ctx: AppContext, states: OrderState[], limit = 100) {
  const rows = await ctx.db
    .selectFrom('filing_orders')
    .selectAll()
    .where('state', 'in', states)
    .where('submitted_at', 'is not', null)
    .orderBy('last_submitted_at', 'asc')
    .orderBy('updated_at', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => summarize(ctx, r));
}
