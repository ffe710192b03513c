import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { signCallback } from '../../adapters/regulator/callback-signature.ts';
import type { RegulatorCallback } from '../../contracts/regulator-protocol.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../contracts/regulator-protocol.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { CallbackStatus, SimDb } from '../store/schema.ts';

export const CALLBACK_TIMEOUT_MS = 5_000;
export const CALLBACK_BACKOFF_MIN_MS = 1_000;
export const CALLBACK_BACKOFF_MAX_MS = 10 * 60_000;
/** After this many failed attempts (about 3 h at the 10 min cap) a callback is given up; the platform polls. */
export const CALLBACK_MAX_ATTEMPTS = 30;
/** A claimed row is invisible to other passes for this long, longer than one POST can take. */
const CLAIM_LEASE_MS = 60_000;
const BATCH = 20;

/** 1 s, 2 s, 4 s … capped at 10 min; `attempts` counts the failures so far (≥ 1). */
export const callbackBackoffMs = (attempts: number): number =>
  Math.min(CALLBACK_BACKOFF_MAX_MS, CALLBACK_BACKOFF_MIN_MS * 2 ** Math.max(0, Math.min(attempts - 1, 30)));

export type CallbackRow = {
  id: number;
  eventId: string;
  orderRef: string;
  orderId: string;
  state: string;
  occurredAt: string;
  url: string;
  status: CallbackStatus;
  attempts: number;
  nextAttemptAt: string;
  deliveredAt: string | null;
  lastError: string | null;
};

export type DispatchSummary = { delivered: number; failed: number };

export type CallbackDispatcher = {
  /** Records a callback for the order's current state (called after each committed change). */
  enqueue(orderRef: string): Promise<void>;
  /** One pass: waits for enqueues in flight, then POSTs every due callback once. */
  dispatchCallbacks(): Promise<DispatchSummary>;
  /** Test hook: the next `count` callbacks are recorded as `dropped` and never sent (a lost callback). */
  dropNext(count: number): void;
  /** Callbacks still to be dropped. */
  dropsPending(): number;
  /** Newest first, for the API and tests. */
  list(filter?: { orderRef?: string; limit?: number }): Promise<CallbackRow[]>;
  /** Runs a pass every `intervalMs` (skipping a beat rather than overlapping); the returned function stops it. */
  start(intervalMs: number): () => Promise<void>;
};

/**
 * Signed callbacks with retries (regulator-protocol.ts). A callback only says "this order changed", so the
 * outbox is at-least-once and unordered; the platform re-reads the status and polls as well.
 *
 * Times: `occurredAt` is simulated time (when the order changed for MIIT), while the signature timestamp and the
 * retry schedule follow `wallClock`: the receiver checks the timestamp against its own clock, which the
 * simulator's advance never moves. The enqueue runs after the order's commit (the core's notify hook), so a crash
 * in between loses that callback; polling covers it.
 */
export function createCallbackDispatcher(deps: {
  db: SimDb;
  /** Simulated time, for `occurredAt` only. */
  simClock: Clock;
  /** Real time: signature timestamps and retry schedule. */
  wallClock: Clock;
  url: string | undefined;
  secret: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxAttempts?: number;
  onError?: (error: unknown) => void;
}): CallbackDispatcher {
  const { db, wallClock } = deps;
  const doFetch = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? CALLBACK_TIMEOUT_MS;
  const maxAttempts = deps.maxAttempts ?? CALLBACK_MAX_ATTEMPTS;
  const inFlight = new Set<Promise<void>>();
  let drops = 0;

  async function insert(orderRef: string, status: CallbackStatus, url: string): Promise<void> {
    const now = wallClock.now();
    await db
      .insertInto('sim_callback_outbox')
      .columns([
        'event_id',
        'order_ref',
        'order_id',
        'state',
        'occurred_at',
        'url',
        'status',
        'next_attempt_at',
        'created_at',
      ])
      .expression(
        db
          .selectFrom('sim_order')
          .select([
            // INSERT … SELECT resolves untyped parameters as text, so the non-text ones are cast explicitly.
            sql<string>`cast(${randomUUID()} as uuid)`.as('event_id'),
            'ref',
            'order_id',
            'state',
            'updated_at',
            sql<string>`cast(${url} as text)`.as('url'),
            sql<CallbackStatus>`cast(${status} as text)`.as('status'),
            sql<Date>`cast(${now} as timestamptz)`.as('next_attempt_at'),
            sql<Date>`cast(${now} as timestamptz)`.as('created_at'),
          ])
          .where('ref', '=', orderRef),
      )
      .execute();
  }

  function enqueue(orderRef: string): Promise<void> {
    if (!deps.url) return Promise.resolve();
    // Decided synchronously, so "the next N" means the next N changes even when inserts overlap.
    const status: CallbackStatus = drops > 0 ? 'dropped' : 'pending';
    if (drops > 0) drops -= 1;
    const p = insert(orderRef, status, deps.url).finally(() => inFlight.delete(p));
    inFlight.add(p);
    return p;
  }

  async function claimDue(): Promise<
    Array<{
      id: number;
      event_id: string;
      order_ref: string;
      order_id: string;
      state: string;
      occurred_at: Date;
      url: string;
      attempts: number;
    }>
  > {
    const now = wallClock.now();
    return db
      .updateTable('sim_callback_outbox')
      .set({ next_attempt_at: new Date(now.getTime() + CLAIM_LEASE_MS) })
      .where(
        'id',
        'in',
        db
          .selectFrom('sim_callback_outbox')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .orderBy('id')
          .limit(BATCH)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'event_id', 'order_ref', 'order_id', 'state', 'occurred_at', 'url', 'attempts'])
      .execute();
  }

  async function post(row: Awaited<ReturnType<typeof claimDue>>[number]): Promise<string | null> {
    const body: RegulatorCallback = {
      eventId: row.event_id,
      regulatorRef: row.order_ref,
      orderId: row.order_id,
      state: row.state,
      occurredAt: row.occurred_at.toISOString(),
    };
    const raw = JSON.stringify(body);
    const timestamp = Math.floor(wallClock.now().getTime() / 1000);
    try {
      const res = await doFetch(row.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signCallback(deps.secret, timestamp, raw),
        },
        body: raw,
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Drain the body so the connection can be reused; its content does not matter.
      await res.arrayBuffer().catch(() => undefined);
      return res.ok ? null : `HTTP ${res.status}`;
    } catch (error) {
      return (error as Error).message || String(error);
    }
  }

  async function dispatchCallbacks(): Promise<DispatchSummary> {
    await Promise.allSettled([...inFlight]);
    const summary: DispatchSummary = { delivered: 0, failed: 0 };
    for (;;) {
      const rows = await claimDue();
      if (rows.length === 0) return summary;
      for (const row of rows) {
        const error = await post(row);
        const attempts = row.attempts + 1;
        const now = wallClock.now();
        if (error === null) {
          summary.delivered += 1;
          await db
            .updateTable('sim_callback_outbox')
            .set({ status: 'delivered', attempts, delivered_at: now, last_error: null })
            .where('id', '=', row.id)
            .execute();
        } else {
          summary.failed += 1;
          await db
            .updateTable('sim_callback_outbox')
            .set({
              status: attempts >= maxAttempts ? 'failed' : 'pending',
              attempts,
              last_error: error.slice(0, 500),
              next_attempt_at: new Date(now.getTime() + callbackBackoffMs(attempts)),
            })
            .where('id', '=', row.id)
            .execute();
        }
      }
      if (rows.length < BATCH) return summary;
    }
  }

  return {
    enqueue,
    dispatchCallbacks,
    dropNext: (count) => {
      drops += Math.max(0, Math.floor(count));
    },
    dropsPending: () => drops,
    list: async (filter = {}) => {
      let q = db.selectFrom('sim_callback_outbox').selectAll();
      if (filter.orderRef) q = q.where('order_ref', '=', filter.orderRef);
      const rows = await q
        .orderBy('id', 'desc')
        .limit(filter.limit ?? 50)
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        eventId: r.event_id,
        orderRef: r.order_ref,
        orderId: r.order_id,
        state: r.state,
        occurredAt: r.occurred_at.toISOString(),
        url: r.url,
        status: r.status,
        attempts: r.attempts,
        nextAttemptAt: r.next_attempt_at.toISOString(),
        deliveredAt: r.delivered_at?.toISOString() ?? null,
        lastError: r.last_error,
      }));
    },
    start: (intervalMs) => {
      let running: Promise<unknown> | null = null;
      const timer = setInterval(() => {
        if (running) return;
        running = dispatchCallbacks()
          .catch((e) => deps.onError?.(e))
          .finally(() => {
            running = null;
          });
      }, intervalMs);
      timer.unref();
      return async () => {
        clearInterval(timer);
        await running;
      };
    },
  };
}
