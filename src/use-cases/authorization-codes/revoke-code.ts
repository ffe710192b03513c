import { appendAudit } from '../../adapters/db/audit-log.ts';
import type { AppContext } from '../../app-context.ts';
import { normalizeCode } from '../../domain/authorization-code.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { assertNotSubAccount } from '../orders/order-access.ts';
import { type AuthorizationCodeView, listCodes } from './list-codes.ts';

/**
 * The owner takes back a code it handed out but that nobody has used yet (issue 6 item 13): one conditional
 * update, so a filing that reserves the code at the same moment either wins (409 AUTH_CODE_IN_USE) or finds it
 * invalid. A code held by a filing or used stays as it is; revoking an already invalid code changes nothing.
 * Another account's code answers like a missing one.
 */
export async function revokeCode(ctx: AppContext, user: AuthUser, rawCode: string): Promise<AuthorizationCodeView> {
  assertNotSubAccount(user);
  const code = normalizeCode(rawCode);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('authorization_codes')
      .set({ state: 'invalid', updated_at: now })
      .where('code', '=', code)
      .where('account_id', '=', user.accountId)
      .where('state', '=', 'unused')
      .returning('code')
      .executeTakeFirst();
    if (revoked) {
      await appendAudit(trx, {
        at: now,
        actorId: user.id,
        actorRole: user.role,
        action: 'authorization_code.revoked',
        fromState: 'unused',
        toState: 'invalid',
        details: { code },
      });
      return;
    }
    const row = await trx
      .selectFrom('authorization_codes')
      .select('state')
      .where('code', '=', code)
      .where('account_id', '=', user.accountId)
      .executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND', { details: { code } });
    if (row.state !== 'invalid') throw new DomainError('AUTH_CODE_IN_USE', { details: { code } });
  });
  const [view] = await listCodes(ctx, user.accountId, now, { code });
  return view!;
}
