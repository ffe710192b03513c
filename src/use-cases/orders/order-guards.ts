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
 * The guard facts the transition table needs, and the findings behind them so a refused submit can name them:
 * the pre-check's blocking findings and, where verification comes first, the websites still without it. Both
 * are computed only for (re)submission.
 */
export async function orderGuardFacts(trx: Kysely<Database>, ctx: AppContext, order: Order, event: OrderEventType) {
  const submitting = event === 'submit' || event === 'resubmit';
  const blocking = submitting
    ? (await precheckOrder(trx, ctx, order)).findings.filter((f) => f.severity === 'block')
    : [];
  const unverified = submitting ? await websitesMissingAuthenticity(trx, order) : [];
  return {
    facts: {
      termsAccepted: order.termsAcceptedAt !== null,
      blockingFindings: blocking.length,
      authenticityComplete: unverified.length === 0,
    },
    blocking,
    authenticityMissing: authenticityFindings(unverified),
  };
}

/** Indexes of the order's websites without an active verification photo or video ([] if the type verifies none). */
export async function websitesMissingAuthenticity(db: Kysely<Database>, order: Order): Promise<number[]> {
  if (!FILING_TYPE_INFO[order.type].needsAuthenticityVerification) return [];
  const rows = await db
    .selectFrom('materials')
    .select('website_index')
    .where('order_id', '=', order.id)
    .where('status', '=', 'active')
    .where('kind', 'in', [...AUTHENTICITY_MATERIAL_KINDS])
    .execute();
  const covered = new Set(rows.map((r) => r.website_index));
  return order.data.websites.flatMap((_, i) => (covered.has(i) ? [] : [i]));
}

/** Every website of the order has a verification photo or video uploaded. */
export async function hasAuthenticityMaterials(db: Kysely<Database>, order: Order): Promise<boolean> {
  return (await websitesMissingAuthenticity(db, order)).length === 0;
}

/** A missing verification upload named like any other blocking gap, at the website it belongs to. */
export const authenticityFindings = (websiteIndexes: readonly number[]): Finding[] =>
  websiteIndexes.map((i) => ({
    ruleId: 'authenticity.missing_verification',
    severity: 'block',
    field: `websites.${i}.materials.verification`,
    message: {
      zhCN: `网站${i + 1}缺少网站负责人的真实性核验照片（幕布照片）或电子核验视频`,
      enUS: `Website ${i + 1} has no authenticity verification photo (curtain photo) or video`,
    },
    fix: {
      zhCN: '上传幕布照片或电子核验视频后再提交',
      enUS: 'Upload the curtain photo or the verification video, then try again',
    },
  }));

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
