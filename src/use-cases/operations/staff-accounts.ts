import { sql } from 'kysely';
import { appendAudit } from '../../adapters/db/audit-log.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import { type AuthUser, STAFF_ROLES, type StaffRole } from '../../domain/roles.ts';
import { destroyUserSessions } from '../auth/sessions.ts';

/** The provider's staff with their role, state and whether an authenticator is set up. */
export async function listStaffAccounts(ctx: AppContext) {
  const rows = await ctx.db
    .selectFrom('users')
    .leftJoin('staff_totp', 'staff_totp.user_id', 'users.id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.role',
      'users.disabled',
      'users.created_at',
      sql<boolean>`staff_totp.enrolled_at IS NOT NULL`.as('totp_enrolled'),
    ])
    .where('users.role', 'in', [...STAFF_ROLES])
    .orderBy('users.display_name')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      role: r.role as StaffRole,
      disabled: r.disabled,
      totpEnrolled: Boolean(r.totp_enrolled),
      createdAt: r.created_at.toISOString(),
    })),
  };
}

/**
 * Changes a staff member's role or disables them (their sessions end at once). Admins cannot do either to
 * themselves, so the platform never loses its last way in by a slip.
 */
export async function updateStaffAccount(
  ctx: AppContext,
  admin: AuthUser,
  input: { userId: string; role?: StaffRole; disabled?: boolean; reason: string },
) {
  if (input.userId === admin.id) {
    throw new DomainError('FORBIDDEN', { details: { reason: 'own_account' } });
  }
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'role', 'disabled'])
      .where('id', '=', input.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user || !(STAFF_ROLES as readonly string[]).includes(user.role)) throw new DomainError('NOT_FOUND');
    await trx
      .updateTable('users')
      .set({
        ...(input.role !== undefined && { role: input.role }),
        ...(input.disabled !== undefined && { disabled: input.disabled }),
      })
      .where('id', '=', input.userId)
      .execute();
    // A new role or a disabled account must not keep acting through a session opened before.
    const sessionsEnded =
      (input.role !== undefined && input.role !== user.role) || input.disabled === true
        ? await destroyUserSessions(trx, input.userId)
        : 0;
    await appendAudit(trx, {
      at: now,
      actorId: admin.id,
      actorRole: admin.role,
      action: 'user.staff_updated',
      reason: input.reason,
      details: {
        userId: input.userId,
        ...(input.role !== undefined && { fromRole: user.role, toRole: input.role }),
        ...(input.disabled !== undefined && { disabled: input.disabled }),
        sessionsEnded,
      },
    });
    return { id: input.userId, sessionsEnded };
  });
}
