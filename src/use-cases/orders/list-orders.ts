import type { FilingOrderRow } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import type { OrderData } from '../../contracts/filing-data.ts';
import { DomainError } from '../../domain/errors.ts';
import { FILING_TYPE_INFO, type FilingType } from '../../domain/filing-type.ts';
import { ORDER_STATE_LABELS, type OrderState } from '../../domain/order-state.ts';
import { maskName } from '../../domain/privacy/mask.ts';

export const summarize = (ctx: AppContext, row: FilingOrderRow) => {
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
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => summarize(ctx, r));
}

/** Where the previous page of a queue ended: the sort key of its last order (opaque to clients). */
type QueueCursor = { s: string; u: string; id: string };

const encodeCursor = (row: FilingOrderRow): string =>
  Buffer.from(
    JSON.stringify({ s: row.last_submitted_at!.toISOString(), u: row.updated_at.toISOString(), id: row.id }),
  ).toString('base64url');

function decodeCursor(cursor: string): QueueCursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as QueueCursor;
    if (
      typeof c.id === 'string' &&
      /^[0-9a-f-]{36}$/.test(c.id) &&
      !Number.isNaN(Date.parse(c.s)) &&
      !Number.isNaN(Date.parse(c.u))
    ) {
      return c;
    }
  } catch {
    // fall through to the stable error below
  }
  throw new DomainError('VALIDATION_FAILED', {
    details: { issues: [{ field: 'cursor', message: '分页游标无效，请从第一页重新开始' }] },
  });
}

const byQueueKey = (a: FilingOrderRow, b: FilingOrderRow) =>
  a.last_submitted_at!.getTime() - b.last_submitted_at!.getTime() ||
  a.updated_at.getTime() - b.updated_at.getTime() ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The reviewers' queue: orders waiting in the given states, oldest submission first (first in, first out),
 * paged by keyset. Each state is read on its own so every read is an index range scan on
 * filing_orders_queue that stops after `limit` rows, whatever the size of the queue; the pages are merged here.
 * Only orders submitted at least once (last_submitted_at set) are listed: never-submitted drafts are not staff's
 * to see (order-access.ts, staffMaySee), whatever state is asked for. A province or filing type narrows the
 * same range scan (the back office's queue filters), so paging stays a keyset over the filtered set.
 */
export async function listReviewQueue(
  ctx: AppContext,
  states: OrderState[],
  options: { limit?: number; cursor?: string; province?: string; type?: string } = {},
) {
  const limit = Math.max(1, Math.min(options.limit ?? 50, 200));
  const after = options.cursor ? decodeCursor(options.cursor) : undefined;
  const pages = await Promise.all(
    [...new Set(states)].map((state) => {
      let q = ctx.db
        .selectFrom('filing_orders')
        .selectAll()
        .where('state', '=', state)
        .where('last_submitted_at', 'is not', null);
      if (options.province) q = q.where('province', '=', options.province);
      if (options.type) q = q.where('type', '=', options.type);
      if (after) {
        q = q.where((eb) =>
          eb(
            eb.refTuple('last_submitted_at', 'updated_at', 'id'),
            '>',
            eb.tuple(new Date(after.s), new Date(after.u), after.id),
          ),
        );
      }
      return q
        .orderBy('last_submitted_at')
        .orderBy('updated_at')
        .orderBy('id')
        .limit(limit + 1)
        .execute();
    }),
  );
  const rows = pages.flat().sort(byQueueKey);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => summarize(ctx, r)),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
