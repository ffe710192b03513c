import { verifyAuditChainRange } from '../../adapters/db/audit-log.ts';
import type { AppContext } from '../../app-context.ts';
import type { AuditVerifyResponse } from '../../contracts/audit-api.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { appendAudit } from '../auth/audit.ts';

/**
 * Recomputes the audit hash chain (whole, or an id range) and records that it was checked and what was found,
 * so a check that revealed tampering is itself on the record. Linear in the rows checked, in batches.
 */
export async function verifyAudit(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  actor: Pick<AuthUser, 'id' | 'role'>,
  range: { fromId?: string; toId?: string },
): Promise<AuditVerifyResponse> {
  const result = await verifyAuditChainRange(ctx.db, range);
  await appendAudit(ctx.db, {
    at: ctx.clock.now(),
    actor: { id: actor.id, role: actor.role },
    action: 'audit.chain_verified',
    details: {
      ok: result.ok,
      checked: result.checked,
      ...(result.firstBrokenId && { firstBrokenId: result.firstBrokenId }),
      ...(range.fromId && { fromId: range.fromId }),
      ...(range.toId && { toId: range.toId }),
    },
  });
  return {
    ok: result.ok,
    checked: result.checked,
    ...(result.firstBrokenId && {
      firstBrokenId: result.firstBrokenId,
      brokenAt: result.brokenAt?.toISOString(),
      expectedHash: result.expectedHash,
      foundHash: result.foundHash,
    }),
  };
}
