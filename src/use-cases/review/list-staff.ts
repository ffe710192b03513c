import type { AppContext } from '../../app-context.ts';
import { STAFF_ROLES, type StaffRole } from '../../domain/roles.ts';

/** The active staff, for reassigning an order and filtering queues by assignee. */
export async function listStaff(ctx: AppContext) {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('role', 'in', [...STAFF_ROLES])
    .where('disabled', '=', false)
    .orderBy('display_name')
    .execute();
  return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role as StaffRole })) };
}
