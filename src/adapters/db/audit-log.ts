import { createHash } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditLogTable, Database } from './schema.ts';

export type AuditEntry = {
  at: Date;
  actorId: string | null;
  actorRole: string;
  action: string;
  orderId?: string | null;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  /** Never personal data: ids, codes, field paths only. */
  details?: Record<string, unknown>;
};

const GENESIS = '0'.repeat(64);
// Any constant works; it only serialises writers of the hash chain.
const AUDIT_CHAIN_LOCK = 7_240_001;

/** jsonb does not keep key order, so the hashed form sorts keys at every level. */
const stable = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    // Like JSON (and jsonb), absent and undefined are the same.
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stable(x)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
};

const canonical = (e: AuditEntry, prevHash: string) =>
  stable([
    e.at.toISOString(),
    e.actorId,
    e.actorRole,
    e.action,
    e.orderId ?? null,
    e.fromState ?? null,
    e.toState ?? null,
    e.reason ?? null,
    e.details ?? {},
    prevHash,
  ]);

export const auditHash = (e: AuditEntry, prevHash: string) =>
  createHash('sha256').update(canonical(e, prevHash)).digest('hex');

/**
 * Appends one row to the hash-chained audit log. Must run inside the caller's transaction so the record commits
 * with the change it describes; the advisory lock keeps the chain linear under concurrent writers.
 */
export async function appendAudit(trx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS;
  await trx
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_id: entry.actorId,
      actor_role: entry.actorRole,
      action: entry.action,
      order_id: entry.orderId ?? null,
      from_state: entry.fromState ?? null,
      to_state: entry.toState ?? null,
      reason: entry.reason ?? null,
      details: JSON.stringify(entry.details ?? {}),
      prev_hash: prevHash,
      hash: auditHash(entry, prevHash),
    })
    .execute();
}

export type ChainVerification = {
  ok: boolean;
  /** Rows read and recomputed (up to and including the first broken one). */
  checked: number;
  firstBrokenId?: string;
  brokenAt?: Date;
  /** What the row should hold and what it holds: its hash, or its link to the previous row when that broke. */
  expectedHash?: string;
  foundHash?: string;
};

const toEntry = (r: Selectable<AuditLogTable>): AuditEntry => ({
  at: r.at,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  action: r.action,
  orderId: r.order_id,
  fromState: r.from_state,
  toState: r.to_state,
  reason: r.reason,
  details: r.details as unknown as Record<string, unknown>,
});

/**
 * Recomputes the chain from `fromId` (default: the first row) to `toId` (default: the last), in keyset batches so
 * memory stays flat however long the log is; time grows linearly with the rows checked. A range starting inside
 * the log links to the stored hash of the row before it. Stops at the first row that does not verify: a row
 * whose content was changed fails its own hash, and the rows after it still link to its stored hash, so exactly
 * the changed row is named.
 */
export async function verifyAuditChainRange(
  db: Kysely<Database>,
  range: { fromId?: string; toId?: string; batchSize?: number } = {},
): Promise<ChainVerification> {
  const batchSize = range.batchSize ?? 2000;
  let prev = GENESIS;
  let after = '0';
  if (range.fromId) {
    const before = await db
      .selectFrom('audit_log')
      .select(['id', 'hash'])
      .where('id', '<', range.fromId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (before) {
      prev = before.hash;
      after = String(before.id);
    }
  }
  let checked = 0;
  for (;;) {
    let q = db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id').limit(batchSize);
    if (range.toId) q = q.where('id', '<=', range.toId);
    const rows = await q.execute();
    for (const r of rows) {
      checked += 1;
      const broken = (expectedHash: string, foundHash: string): ChainVerification => ({
        ok: false,
        checked,
        firstBrokenId: String(r.id),
        brokenAt: r.at,
        expectedHash,
        foundHash,
      });
      if (r.prev_hash !== prev) return broken(prev, r.prev_hash);
      const expected = auditHash(toEntry(r), prev);
      if (r.hash !== expected) return broken(expected, r.hash);
      prev = r.hash;
    }
    if (rows.length < batchSize) return { ok: true, checked };
    after = String(rows[rows.length - 1]!.id);
  }
}

/** Recomputes the chain; returns the id of the first row that does not verify, or null when all do. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<string | null> {
  const result = await verifyAuditChainRange(db);
  return result.firstBrokenId ?? null;
}
