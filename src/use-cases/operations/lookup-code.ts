import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';

/** One authorization code as the provider's admin sees it: state, resource, IP, owning account and the order holding it (no personal data). */
export async function lookupAuthorizationCode(ctx: AppContext, code: string) {
  const row = await ctx.db
    .selectFrom('authorization_codes')
    .select([
      'authorization_codes.code',
      'authorization_codes.state',
      'authorization_codes.resource_id',
      'authorization_codes.public_ip',
      'authorization_codes.issued_at',
      'authorization_codes.expires_at',
      'authorization_codes.order_id',
      'authorization_codes.account_id',
    ])
    .where('authorization_codes.code', '=', code.trim())
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND');
  return {
    code: row.code,
    state: row.state,
    resourceId: row.resource_id,
    publicIp: row.public_ip,
    issuedAt: row.issued_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    orderId: row.order_id,
    accountId: row.account_id,
  };
}
