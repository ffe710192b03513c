import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

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

/** Recomputes the chain; returns the id of the first row that does not verify, or null when all do. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<string | null> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  let prev = GENESIS;
  for (const r of rows) {
    const entry: AuditEntry = {
      at: r.at,
      actorId: r.actor_id,
      actorRole: r.actor_role,
      action: r.action,
      orderId: r.order_id,
      fromState: r.from_state,
      toState: r.to_state,
      reason: r.reason,
      details: r.details as unknown as Record<string, unknown>,
    };
    if (r.prev_hash !== prev || r.hash !== auditHash(entry, prev)) return String(r.id);
    prev = r.hash;
  }
  return null;
}
