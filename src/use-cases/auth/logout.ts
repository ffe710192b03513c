import type { AppContext } from '../../app-context.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { appendAudit } from './audit.ts';
import { destroySession } from './sessions.ts';

export type LogoutInput = { user: AuthUser; sessionId: string; ip?: string };

/** Ends the presented session server-side (ASVS 7.4.1); the cookie alone is never trusted afterwards. */
export async function logout(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  { user, sessionId, ip }: LogoutInput,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await destroySession(trx, sessionId);
    await appendAudit(trx, {
      at: ctx.clock.now(),
      actor: { id: user.id, role: user.role },
      action: 'auth.logout',
      details: { ip: ip ?? null },
    });
  });
}
