import { appendAudit } from '../../adapters/db/audit-log.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import { type AuthUser, isStaffRole } from '../../domain/roles.ts';
import { assertStaffMaySeeOrder } from '../orders/order-access.ts';

const isStaff = (user: AuthUser) => isStaffRole(user.role);

export async function listMaterials(ctx: AppContext, orderId: string) {
  const rows = await ctx.db
    .selectFrom('materials')
    .select(['id', 'kind', 'website_index', 'content_type', 'byte_size', 'valid_until', 'status', 'created_at'])
    .where('order_id', '=', orderId)
    .where('status', '=', 'active')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    websiteIndex: r.website_index,
    contentType: r.content_type,
    byteSize: r.byte_size,
    validUntil: r.valid_until,
    createdAt: r.created_at.toISOString(),
  }));
}

/**
 * Returns a material's bytes to its owner account or to staff. Staff views of ID images are personal-data
 * access and are audited. Other applicants get the same answer as for a missing id.
 */
export async function readMaterial(ctx: AppContext, user: AuthUser, materialId: string) {
  const row = await ctx.db.selectFrom('materials').selectAll().where('id', '=', materialId).executeTakeFirst();
  if (!row || (!isStaff(user) && row.account_id !== user.accountId)) throw new DomainError('NOT_FOUND');
  // Staff see an order's materials from its first submission on, like the order itself.
  if (isStaff(user))
    await assertStaffMaySeeOrder(ctx, row.order_id).catch(() => Promise.reject(new DomainError('NOT_FOUND')));
  const bytes = await ctx.storage.get(row.storage_key);
  if (!bytes) throw new DomainError('NOT_FOUND');
  if (isStaff(user)) {
    await ctx.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: ctx.clock.now(),
        actorId: user.id,
        actorRole: user.role,
        action: 'material.viewed',
        orderId: row.order_id,
        details: { materialId: row.id, kind: row.kind },
      }),
    );
  }
  return { bytes, contentType: row.content_type, kind: row.kind, id: row.id };
}
