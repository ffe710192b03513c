import type { Kysely } from 'kysely';
import { findActiveSubjectOfAccount, listActiveWebsitesOfSubject } from '../../adapters/db/records-repo.ts';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import type { MaterialKind } from '../../domain/material-kind.ts';
import type { Order } from '../../domain/order.ts';
import { precheck } from '../../domain/precheck/precheck.ts';

/** Runs the pure pre-check of an order against what the platform holds: its filed records and uploads. */
export async function precheckOrder(db: Kysely<Database>, ctx: AppContext, order: Order) {
  const subject = await findActiveSubjectOfAccount(db, ctx.cipher, order.accountId);
  const websites = subject ? await listActiveWebsitesOfSubject(db, ctx.cipher, subject.id) : [];
  const materials = await db
    .selectFrom('materials')
    .select(['kind', 'website_index', 'valid_until'])
    .where('order_id', '=', order.id)
    .where('status', '=', 'active')
    .execute();
  return precheck({
    type: order.type,
    data: order.data,
    now: ctx.clock.now(),
    verificationStage: order.verificationStage,
    existing: {
      ...(subject && { subject: subject.data }),
      websiteNames: websites.map((w) => w.name),
      websiteCount: websites.length,
    },
    materials: materials.map((m) => ({
      kind: m.kind as MaterialKind,
      websiteIndex: m.website_index,
      validUntil: m.valid_until,
    })),
  });
}
