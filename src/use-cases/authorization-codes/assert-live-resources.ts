import type { AppContext } from '../../app-context.ts';
import { accessRiskOf } from '../../domain/access-risk.ts';
import { normalizeCode } from '../../domain/authorization-code.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Order } from '../../domain/order.ts';
import { authorizationCodesToReserve } from '../orders/order-guards.ts';

/**
 * A code is applied for on a running server, but the server may be released or lapse before the order is
 * submitted (or while it waits to be resubmitted). Asked of the inventory before the submit transaction, as the
 * real-name registry is: a website whose server is gone would be filed without access (空壳), so the submission is
 * refused with the website's code field named. Codes the inventory cannot find are left to reserveCodes to refuse.
 */
export async function assertCodesOnLiveResources(ctx: AppContext, order: Order): Promise<void> {
  const wanted = await authorizationCodesToReserve(ctx.db, order);
  if (wanted.length === 0) return;
  const rows = await ctx.db
    .selectFrom('authorization_codes')
    .select(['code', 'resource_id', 'account_id'])
    .where(
      'code',
      'in',
      wanted.map((w) => normalizeCode(w.code)),
    )
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const resources = await ctx.inventory.getMany([...new Set(rows.map((r) => r.resource_id))]);
  const resourceById = new Map(resources.map((r) => [r.id, r]));
  const now = ctx.clock.now();
  for (const w of wanted) {
    const row = byCode.get(normalizeCode(w.code));
    if (!row) continue;
    const resource = resourceById.get(row.resource_id) ?? null;
    // A server that moved to another account no longer serves the one that applied for the code.
    const reason = resource && resource.accountId !== row.account_id ? 'released' : accessRiskOf(resource, now);
    if (reason) {
      throw new DomainError('AUTH_CODE_RESOURCE_GONE', {
        details: { websiteIndex: w.websiteIndex, field: `websites.${w.websiteIndex}.authorizationCode`, reason },
      });
    }
  }
}
