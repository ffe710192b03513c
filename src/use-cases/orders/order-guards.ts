import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import { FILING_TYPE_INFO } from '../../domain/filing-type.ts';
import type { OrderEventType } from '../../domain/lifecycle/types.ts';
import { AUTHENTICITY_MATERIAL_KINDS } from '../../domain/material-kind.ts';
import type { Order } from '../../domain/order.ts';
import type { Finding } from '../../domain/precheck/types.ts';
import { precheckOrder } from './precheck-order.ts';

/** A finding as an error's details name it: which rule, which field, a stable code and the text to show. */
export type FindingDetail = Pick<Finding, 'ruleId' | 'severity' | 'field' | 'message' | 'fix'> & { code: string };

/**
 * The code is the rule id without its scope ('national.', a province, 'format.', 'completeness.'), so a client
 * can key on "REQUIRED" or "ID_CHECKSUM" whichever province's rule raised it; the rule id stays beside it.
 */
export const findingDetail = (f: Finding): FindingDetail => {
  const [, ...rest] = f.ruleId.split('.');
  const code = (rest.length > 0 ? rest.join('_') : f.ruleId).toUpperCase();
  return { ruleId: f.ruleId, severity: f.severity, field: f.field, code, message: f.message, fix: f.fix };
};

/**
 * The guard facts the transition table needs, and the blocking findings behind the count so a refused submit
 * can name them; the pre-check runs only for (re)submission.
 */
export async function orderGuardFacts(trx: Kysely<Database>, ctx: AppContext, order: Order, event: OrderEventType) {
  const submitting = event === 'submit' || event === 'resubmit';
  const blocking = submitting
    ? (await precheckOrder(trx, ctx, order)).findings.filter((f) => f.severity === 'block')
    : [];
  const authenticityComplete = submitting ? await hasAuthenticityMaterials(trx, order) : true;
  return {
    facts: { termsAccepted: order.termsAcceptedAt !== null, blockingFindings: blocking.length, authenticityComplete },
    blocking,
  };
}

/** Every website of the order has a verification photo or video uploaded. */
export async function hasAuthenticityMaterials(db: Kysely<Database>, order: Order): Promise<boolean> {
  if (!FILING_TYPE_INFO[order.type].needsAuthenticityVerification) return true;
  const rows = await db
    .selectFrom('materials')
    .select('website_index')
    .where('order_id', '=', order.id)
    .where('status', '=', 'active')
    .where('kind', 'in', [...AUTHENTICITY_MATERIAL_KINDS])
    .execute();
  const covered = new Set(rows.map((r) => r.website_index));
  return order.data.websites.every((_, i) => covered.has(i));
}

/** Codes the order newly binds: a change keeps a website's existing code without reserving it again. */
export async function authorizationCodesToReserve(trx: Kysely<Database>, order: Order) {
  if (!FILING_TYPE_INFO[order.type].carriesWebsiteData) return [];
  const existingIds = order.data.websites.flatMap((w) => (w.websiteId ? [w.websiteId] : []));
  const existing =
    existingIds.length === 0
      ? []
      : await trx.selectFrom('websites').select(['id', 'authorization_code']).where('id', 'in', existingIds).execute();
  const codeOf = new Map(existing.map((w) => [w.id, w.authorization_code]));
  return order.data.websites.flatMap((w, websiteIndex) => {
    const code = w.authorizationCode?.trim();
    if (!code) return [];
    if (w.websiteId && codeOf.get(w.websiteId) === code) return [];
    return [{ code, websiteIndex, ipAddresses: w.ipAddresses ?? [] }];
  });
}
