import type { AppContext } from '../../app-context.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { appendAudit } from './audit.ts';
import { destroySession, sessionSignedInWith } from './sessions.ts';

export type LogoutInput = { user: AuthUser; sessionId: string; ip?: string };

/**
 * Ends the presented session server-side (ASVS 7.4.1); the cookie alone is never trusted afterwards. Answers
 * the identity provider's issuer when the session began there, so the caller can offer RP-initiated logout.
 */
export async function logout(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  { user, sessionId, ip }: LogoutInput,
): Promise<{ signedInWith: string | null }> {
  return ctx.db.transaction().execute(async (trx) => {
    const signedInWith = await sessionSignedInWith(trx, sessionId);
    await destroySession(trx, sessionId);
    await appendAudit(trx, {
      at: ctx.clock.now(),
      actor: { id: user.id, role: user.role },
      action: 'auth.logout',
      details: { ip: ip ?? null, ...(signedInWith && { signedInWith }) },
    });
    return { signedInWith };
  });
}
