import { appendAudit } from '../../adapters/db/audit-log.ts';
import { updateResourceLifecycle } from '../../adapters/resources/seeded-resource-inventory.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Resource } from '../../domain/ports/resource-inventory.ts';

export type ResourceLifecycleChange = { status?: 'running' | 'released'; expiresAt?: Date };

/**
 * Admin stand-in for what the provider's billing does to a resource: release it (释放), restore it, renew it or
 * let it lapse (a new expiry). Only the seeded inventory can be changed here; with RESOURCE_INVENTORY=http the
 * provider's own systems own the resource. The access sweep notices the change at its next look.
 */
export async function changeResourceLifecycle(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  input: { resourceId: string; change: ResourceLifecycleChange; actor: { id: string; role: string } },
): Promise<Resource> {
  if (ctx.config.RESOURCE_INVENTORY !== 'seeded') {
    throw new DomainError('FORBIDDEN', { details: { reason: 'inventory_is_remote' } });
  }
  const { change } = input;
  if (!change.status && !change.expiresAt) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { issues: [{ field: 'status', message: 'nothing to change' }] },
    });
  }
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await updateResourceLifecycle(trx, input.resourceId, change, now);
    if (!updated) throw new DomainError('NOT_FOUND', { details: { resourceId: input.resourceId } });
    await appendAudit(trx, {
      at: now,
      actorId: input.actor.id,
      actorRole: input.actor.role,
      action: 'resource.lifecycle_changed',
      details: {
        resourceId: updated.id,
        accountId: updated.accountId,
        ...(change.status && { status: change.status }),
        ...(change.expiresAt && { expiresAt: change.expiresAt.toISOString() }),
      },
    });
    if (change.status === 'released') {
      // Codes not yet used on a released server cannot back a filing any more; one held by an order in progress
      // stays with it, and that order's next submission is refused (assertCodesOnLiveResources).
      const invalidated = await trx
        .updateTable('authorization_codes')
        .set({ state: 'invalid', updated_at: now })
        .where('resource_id', '=', updated.id)
        .where('state', '=', 'unused')
        .returning('code')
        .execute();
      for (const { code } of invalidated) {
        await appendAudit(trx, {
          at: now,
          actorId: input.actor.id,
          actorRole: input.actor.role,
          action: 'authorization_code.invalidated',
          fromState: 'unused',
          toState: 'invalid',
          reason: 'resource_released',
          details: { code, resourceId: updated.id },
        });
      }
    }
    // The sweep looks at the websites on this resource at its next pass instead of after the interval.
    await trx
      .updateTable('website_access_checks')
      .set({ next_check_at: now })
      .where('website_id', 'in', (eb) =>
        eb
          .selectFrom('websites')
          .innerJoin('authorization_codes', 'authorization_codes.code', 'websites.authorization_code')
          .select('websites.id')
          .where('authorization_codes.resource_id', '=', updated.id),
      )
      .execute();
    return updated;
  });
}
