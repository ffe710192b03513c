import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import type { RejectionReason } from '../../contracts/filing-data.ts';
import { DomainError } from '../../domain/errors.ts';
import { assertEventPossible } from '../../domain/lifecycle/transition.ts';
import { AUTHENTICITY_MATERIAL_KINDS } from '../../domain/material-kind.ts';
import type { Order } from '../../domain/order.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { executeTransition } from '../orders/execute-transition.ts';
import { getOwnOrder } from '../orders/order-access.ts';
import { authenticityFindings, findingDetail, websitesMissingAuthenticity } from '../orders/order-guards.ts';
import { settleClaimForDecision } from './claims.ts';

/** Creates or refreshes one verification record per website from the newest photo/video uploads. */
async function recordVerifications(trx: Kysely<Database>, order: Order, now: Date) {
  const materials = await trx
    .selectFrom('materials')
    .select(['id', 'kind', 'website_index'])
    .where('order_id', '=', order.id)
    .where('status', '=', 'active')
    .where('kind', 'in', [...AUTHENTICITY_MATERIAL_KINDS])
    .execute();
  for (const [websiteIndex] of order.data.websites.entries()) {
    const own = materials.filter((m) => m.website_index === websiteIndex);
    const method = own.some((m) => m.kind === 'e_verify_video') ? 'video' : 'photo';
    await trx
      .insertInto('authenticity_verifications')
      .values({
        id: crypto.randomUUID(),
        order_id: order.id,
        website_index: websiteIndex,
        method,
        material_ids: JSON.stringify(own.map((m) => m.id)),
        state: 'under_review',
        reasons: '[]',
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['order_id', 'website_index']).doUpdateSet({
          method,
          material_ids: JSON.stringify(own.map((m) => m.id)),
          state: 'under_review',
          reasons: '[]',
          updated_at: now,
        }),
      )
      .execute();
  }
}

/** The website responsible person's photo/video is uploaded for every website: hand it to the reviewer. */
export async function submitAuthenticity(ctx: AppContext, user: AuthUser, input: { orderId: string }) {
  const order = await getOwnOrder(ctx, user, input.orderId);
  // The state first: in 初审 the photo cannot even be uploaded yet, so "photo missing" would send the user in a circle.
  assertEventPossible(order, 'authenticity_submit', 'applicant');
  const unverified = await websitesMissingAuthenticity(ctx.db, order);
  if (unverified.length > 0) {
    throw new DomainError('ORDER_INCOMPLETE', {
      details: {
        missing: 'curtain_photo or e_verify_video for every website',
        findings: authenticityFindings(unverified).map(findingDetail),
      },
    });
  }
  return executeTransition(ctx, {
    orderId: order.id,
    event: { type: 'authenticity_submit' },
    actor: { kind: 'applicant', id: user.id, role: user.role },
    alsoInTransaction: (trx, o) => recordVerifications(trx, o, ctx.clock.now()),
  });
}

/** The provider's authenticity review: approve forwards the order to MIIT, reject asks for a new photo/video. */
export async function decideAuthenticity(
  ctx: AppContext,
  user: AuthUser,
  input: { orderId: string; version?: number } & (
    | { decision: 'approve' }
    | { decision: 'reject'; reasons: RejectionReason[] }
  ),
) {
  const state = input.decision === 'approve' ? 'approved' : 'rejected';
  const reasons = input.decision === 'reject' ? input.reasons : [];
  return executeTransition(ctx, {
    orderId: input.orderId,
    event: input.decision === 'approve' ? { type: 'authenticity_approve' } : { type: 'authenticity_reject', reasons },
    actor: { kind: 'reviewer', id: user.id, role: user.role },
    ...(input.version !== undefined && { expectedVersion: input.version }),
    guard: (trx, order) => settleClaimForDecision(trx, ctx.clock.now(), user, order.id),
    alsoInTransaction: async (trx, o) => {
      await trx
        .updateTable('authenticity_verifications')
        .set({ state, reasons: JSON.stringify(reasons), updated_at: ctx.clock.now() })
        .where('order_id', '=', o.id)
        .execute();
    },
  });
}
