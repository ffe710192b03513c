import { type Kysely, sql } from 'kysely';
import { normalizeDomain, queueNameIndex } from '../../adapters/db/order-search-terms.ts';
import type { Database, FilingOrderRow } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import {
  QUEUE_TAB_STATES,
  QUEUE_TABS,
  type QueueCounts,
  type QueueFilters,
  type QueueItem,
  type QueuePage,
  type QueueTab,
  SLA_TABS,
} from '../../contracts/queue-api.ts';
import {
  calendarCovers,
  shanghaiDate,
  shanghaiDayEnd,
  subtractWorkingDays,
} from '../../domain/calendar/working-days.ts';
import { DomainError } from '../../domain/errors.ts';
import type { OrderState } from '../../domain/order-state.ts';
import { slaStateAt, slaWorkingHoursLeft } from '../../domain/review/review-sla.ts';
import { STAFF_ROLES } from '../../domain/roles.ts';
import { summarize } from './list-orders.ts';

/**
 * The back office's queues (contracts/queue-api.ts). Each state of a tab is read on its own as one index range
 * scan in sort order that stops after `limit` rows (migration 0012: filing_orders_sla_queue for the SLA tabs,
 * filing_orders_follow_up for the others), and the pages are merged here, so a page costs about the same at
 * the head of a queue of 100,000 orders as deep inside it. Only orders submitted at least once are listed.
 */

export type QueueViewer = { id: string };
type QueueOptions = QueueFilters & { tab?: QueueTab; limit?: number; cursor?: string; q?: string };

/** The longest candidate list a search hands to the queue read; more matches than this is not a search. */
const SEARCH_CANDIDATES = 500;

type Row = FilingOrderRow & { assignee_name: string | null };
type SortKey = 'sla_due_at' | 'last_activity_at';
type Cursor = { k: string; id: string };

const sortKeyOf = (tab: QueueTab): SortKey => (SLA_TABS.includes(tab) ? 'sla_due_at' : 'last_activity_at');

const keyOf = (row: Row, key: SortKey): Date => (key === 'sla_due_at' ? row.sla_due_at! : row.last_activity_at);

const encodeCursor = (row: Row, key: SortKey): string =>
  Buffer.from(JSON.stringify({ k: keyOf(row, key).toISOString(), id: row.id })).toString('base64url');

function decodeCursor(cursor: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.id === 'string' && /^[0-9a-f-]{36}$/.test(c.id) && !Number.isNaN(Date.parse(c.k))) return c;
  } catch {
    // fall through to the stable error below
  }
  throw new DomainError('VALIDATION_FAILED', {
    details: { issues: [{ field: 'cursor', message: '分页游标无效，请从第一页重新开始' }] },
  });
}

/** A uuid prefix as the inclusive range of ids that start with it (an index range on the primary key). */
function idRange(hex: string): [string, string] {
  const fmt = (h: string) => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  return [fmt(hex.padEnd(32, '0')), fmt(hex.padEnd(32, 'f'))];
}

const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The orders a search term may mean, each found through its own index: the order number (id prefix, four
 * characters at least), a domain prefix, or the sponsor's exact name through its blind index.
 */
async function searchCandidates(ctx: AppContext, q: string): Promise<string[]> {
  const term = q.trim();
  const lookups: Promise<{ id: string }[]>[] = [];
  const hex = term.toLowerCase().replace(/-/g, '');
  if (/^[0-9a-f]{4,32}$/.test(hex)) {
    const [low, high] = idRange(hex);
    lookups.push(
      ctx.db
        .selectFrom('filing_orders')
        .select('id')
        .where('id', '>=', low)
        .where('id', '<=', high)
        .limit(SEARCH_CANDIDATES)
        .execute(),
    );
  }
  const domain = normalizeDomain(term);
  if (domain.length >= 2 && !/\s/.test(domain)) {
    lookups.push(
      ctx.db
        .selectFrom('order_domains')
        .select('order_id as id')
        .where(sql<boolean>`domain LIKE ${likePrefix(domain)}`)
        .limit(SEARCH_CANDIDATES)
        .execute(),
    );
  }
  lookups.push(
    ctx.db
      .selectFrom('filing_orders')
      .select('id')
      .where('subject_name_bidx', '=', queueNameIndex(ctx.cipher, term))
      .limit(SEARCH_CANDIDATES)
      .execute(),
  );
  const found = (await Promise.all(lookups)).flat().map((r) => r.id);
  return [...new Set(found)];
}

/** The rows of one state of a tab that pass the filters, as a query still to be ordered and limited. */
function filtered(
  db: Kysely<Database>,
  tab: QueueTab,
  state: OrderState,
  options: QueueOptions,
  viewer: QueueViewer,
  now: Date,
  candidates?: string[],
) {
  const sla = SLA_TABS.includes(tab);
  let q = db
    .selectFrom('filing_orders')
    .where('filing_orders.state', '=', state)
    .where('filing_orders.last_submitted_at', 'is not', null);
  if (sla) q = q.where('filing_orders.sla_due_at', 'is not', null);
  if (options.province) q = q.where('filing_orders.province', '=', options.province);
  if (options.type) q = q.where('filing_orders.type', '=', options.type);
  if (options.minAgeWorkingDays) {
    q = q.where('filing_orders.last_submitted_at', '<=', subtractWorkingDays(now, options.minAgeWorkingDays));
  }
  if (options.assignee === 'unassigned') {
    q = q.where((eb) =>
      eb.or([
        eb('filing_orders.claimed_by', 'is', null),
        eb('filing_orders.claim_expires_at', 'is', null),
        eb('filing_orders.claim_expires_at', '<=', now),
      ]),
    );
  } else if (options.assignee) {
    const who = options.assignee === 'me' ? viewer.id : options.assignee;
    q = q.where('filing_orders.claimed_by', '=', who).where('filing_orders.claim_expires_at', '>', now);
  }
  if (sla && options.sla === 'overdue') q = q.where('filing_orders.sla_due_at', '<=', now);
  if (sla && options.sla === 'due_today') {
    q = q.where('filing_orders.sla_due_at', '>', now).where('filing_orders.sla_due_at', '<=', shanghaiDayEnd(now));
  }
  if (sla && options.sla === 'on_time') q = q.where('filing_orders.sla_due_at', '>', shanghaiDayEnd(now));
  if (candidates) q = q.where('filing_orders.id', 'in', candidates);
  return q;
}

const SLA_TAB_STATES = new Set<string>(SLA_TABS.flatMap((t) => QUEUE_TAB_STATES[t]));

function toItem(ctx: AppContext, row: Row, now: Date): QueueItem {
  const live = !!row.claimed_by && !!row.claim_expires_at && row.claim_expires_at > now;
  const due = row.sla_due_at && SLA_TAB_STATES.has(row.state) ? row.sla_due_at : null;
  return {
    ...summarize(ctx, row),
    slaDueAt: due?.toISOString() ?? null,
    slaState: due ? slaStateAt(due, now) : null,
    slaWorkingHoursLeft: due ? slaWorkingHoursLeft(due, now) : null,
    assignee: live ? { id: row.claimed_by!, displayName: row.assignee_name ?? '' } : null,
    claimExpiresAt: live ? row.claim_expires_at!.toISOString() : null,
    lastActivityAt: row.last_activity_at.toISOString(),
  };
}

/** One page of a tab: due first on the SLA tabs (overdue ones lead), longest waiting first on the others. */
export async function listQueue(ctx: AppContext, viewer: QueueViewer, options: QueueOptions = {}): Promise<QueuePage> {
  const tab = options.tab ?? 'provider_review';
  const key = sortKeyOf(tab);
  const limit = Math.max(1, Math.min(options.limit ?? 50, 200));
  const after = options.cursor ? decodeCursor(options.cursor) : undefined;
  const now = ctx.clock.now();
  const candidates = options.q ? await searchCandidates(ctx, options.q) : undefined;
  if (candidates && candidates.length === 0) return { tab, items: [], nextCursor: null };
  const pages = await Promise.all(
    QUEUE_TAB_STATES[tab].map((state) => {
      let q = filtered(ctx.db, tab, state, options, viewer, now, candidates)
        .leftJoin('users', 'users.id', 'filing_orders.claimed_by')
        .selectAll('filing_orders')
        .select('users.display_name as assignee_name');
      if (after) {
        q = q.where((eb) =>
          eb(eb.refTuple(`filing_orders.${key}`, 'filing_orders.id'), '>', eb.tuple(new Date(after.k), after.id)),
        );
      }
      return q
        .orderBy(`filing_orders.${key}`)
        .orderBy('filing_orders.id')
        .limit(limit + 1)
        .execute() as Promise<Row[]>;
    }),
  );
  const rows = pages
    .flat()
    .sort((a, b) => keyOf(a, key).getTime() - keyOf(b, key).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    tab,
    items: page.map((r) => toItem(ctx, r, now)),
    nextCursor: rows.length > limit && last ? encodeCursor(last, key) : null,
  };
}

/** How many orders each tab holds under the filters (not the search); one count per state, in parallel. */
export async function countQueues(ctx: AppContext, viewer: QueueViewer, filters: QueueFilters): Promise<QueueCounts> {
  const now = ctx.clock.now();
  const perTab = await Promise.all(
    QUEUE_TABS.map(async (tab) => {
      const perState = await Promise.all(
        QUEUE_TAB_STATES[tab].map((state) =>
          filtered(ctx.db, tab, state, filters, viewer, now)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow(),
        ),
      );
      return [tab, perState.reduce((sum, r) => sum + Number(r.n), 0)] as const;
    }),
  );
  return {
    counts: Object.fromEntries(perTab) as QueueCounts['counts'],
    // The next weeks' limits too: in late December they already run into a year that may not be entered yet.
    calendarCovered: [now, new Date(now.getTime() + 14 * 86_400_000)].every((d) =>
      calendarCovers(Number(shanghaiDate(d).slice(0, 4))),
    ),
  };
}

/** Staff members a queue can be filtered by (active staff, by name). */
export async function listQueueAssignees(ctx: AppContext) {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('role', 'in', [...STAFF_ROLES])
    .where('disabled', '=', false)
    .orderBy('display_name')
    .limit(500)
    .execute();
  return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name })) };
}
