import type { Kysely } from 'kysely';
import { appendAudit } from '../../adapters/db/audit-log.ts';
import type { Database } from '../../adapters/db/schema.ts';
import { type CodeStateChange, invalidateCode } from './reserve-codes.ts';

export type DisableCodeInput = {
  code: string;
  actor: { id: string; role: string };
  reason?: string;
  now: Date;
};

/** The provider disables a code (admin action), with an audit record in the same transaction. */
export async function disableCode(db: Kysely<Database>, input: DisableCodeInput): Promise<CodeStateChange> {
  return db.transaction().execute(async (trx) => {
    const change = await invalidateCode(trx, input.code, input.now);
    if (change.previousState !== change.state) {
      await appendAudit(trx, {
        at: input.now,
        actorId: input.actor.id,
        actorRole: input.actor.role,
        action: 'authorization_code.invalidated',
        // Link the order only while it held the code, so the order's history shows why its code stopped working.
        orderId: change.previousState === 'in_filing' ? change.orderId : null,
        fromState: change.previousState,
        toState: change.state,
        reason: input.reason ?? null,
        details: { code: change.code },
      });
    }
    return change;
  });
}
