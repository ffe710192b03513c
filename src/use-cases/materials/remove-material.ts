import { appendAudit } from '../../adapters/db/audit-log.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { MaterialKind } from '../../domain/material-kind.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { getOwnOrder } from '../orders/order-access.ts';
import { assertUploadAllowed } from './upload-material.ts';

/**
 * The applicant removes one of the order's materials: a wrong file, or one the order no longer needs (the subject
 * type changed), which would otherwise go to the reviewers with the rest. Allowed while the order takes uploads of
 * that kind. The row is kept, marked removed, for the audit trail; the pre-check asks for the slot again if it is
 * still required.
 */
export async function removeMaterial(
  ctx: AppContext,
  user: AuthUser,
  input: { orderId: string; materialId: string },
): Promise<void> {
  const order = await getOwnOrder(ctx, user, input.orderId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const material = await trx
      .selectFrom('materials')
      .select(['id', 'kind', 'website_index'])
      .where('id', '=', input.materialId)
      .where('order_id', '=', order.id)
      .where('status', '=', 'active')
      .forUpdate()
      .executeTakeFirst();
    if (!material) throw new DomainError('NOT_FOUND', { details: { materialId: input.materialId } });
    assertUploadAllowed(order, material.kind as MaterialKind, 'remove_material');
    await trx.updateTable('materials').set({ status: 'removed' }).where('id', '=', material.id).execute();
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'material.removed',
      orderId: order.id,
      details: { materialId: material.id, kind: material.kind, websiteIndex: material.website_index },
    });
  });
}
