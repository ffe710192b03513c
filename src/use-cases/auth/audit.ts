import type { Kysely, Transaction } from 'kysely';
import { appendAudit as appendChainedAudit } from '../../adapters/db/audit-log.ts';
import type { Database } from '../../adapters/db/schema.ts';

/**
 * Audit records of the auth use cases (ASVS 16.3.1, MLPS-1). There is one hash chain for the whole
 * audit_log table, kept by src/adapters/db/audit-log.ts (advisory lock + SHA-256 chain); this module only
 * adapts to it, so auth rows and order rows can never fork the chain.
 *
 * Rows carry no personal data: actor id and role, the action, ids, reasons and the client IP (MLPS-1 asks for
 * the source address). Never an e-mail, name, phone or password.
 */
export type AuditActor = { id: string | null; role: string };

export type AuthAuditEntry = {
  at: Date;
  actor: AuditActor;
  /** Dotted verb, e.g. 'auth.login.success'. */
  action: string;
  details?: Record<string, unknown>;
};

/**
 * Appends one row inside the caller's transaction, or in a transaction of its own when given the root
 * Kysely instance (the advisory lock only serialises writers inside a transaction). The audit row commits or
 * rolls back with the change it records, so a failed audit write blocks the action (fail closed).
 */
export async function appendAudit(db: Kysely<Database>, entry: AuthAuditEntry): Promise<void> {
  const write = (trx: Kysely<Database>) =>
    appendChainedAudit(trx, {
      at: entry.at,
      actorId: entry.actor.id,
      actorRole: entry.actor.role,
      action: entry.action,
      // Round-trip through JSON so the hashed form equals what jsonb stores (no undefined values).
      details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
    });
  if (db.isTransaction) return write(db as Transaction<Database>);
  return db.transaction().execute(write);
}
