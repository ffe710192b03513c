import type { Kysely } from 'kysely';
import { appendAudit } from '../../adapters/db/audit-log.ts';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import type { ClaimView } from '../../contracts/review-api.ts';
import { DomainError } from '../../domain/errors.ts';
import type { OrderState } from '../../domain/order-state.ts';
import {
  type Can,
  type ClaimFacts,
  canClaim,
  canDecide,
  canReassign,
  leaseUntil,
  liveClaim,
} from '../../domain/review/claim.ts';
import { type AuthUser, isStaffRole, type Role } from '../../domain/roles.ts';
import { staffMaySee } from '../orders/order-access.ts';

/** What a reviewer did to an order as if they were the applicant: these rule them out of reviewing it. */
const EDITING_ACTIONS = ['order.created', 'order.data_saved', 'order.terms_accepted', 'material.uploaded'];

type OrderClaimRow = {
  id: string;
  state: string;
  account_id: string;
  submitted_at: Date | null;
  claimed_by: string | null;
  claim_expires_at: Date | null;
};

async function claimRow(db: Kysely<Database>, orderId: string, forUpdate: boolean): Promise<OrderClaimRow> {
  let query = db
    .selectFrom('filing_orders')
    .select(['id', 'state', 'account_id', 'submitted_at', 'claimed_by', 'claim_expires_at'])
    .where('id', '=', orderId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row || !staffMaySee({ submittedAt: row.submitted_at })) throw new DomainError('ORDER_NOT_FOUND');
  return row;
}

async function conflictOfInterest(db: Kysely<Database>, row: OrderClaimRow, user: { id: string; accountId: string }) {
  if (row.account_id === user.accountId || row.account_id === user.id) return true;
  const edited = await db
    .selectFrom('audit_log')
    .select('id')
    .where('order_id', '=', row.id)
    .where('actor_id', '=', user.id)
    .where('action', 'in', EDITING_ACTIONS)
    .limit(1)
    .executeTakeFirst();
  return edited !== undefined;
}

async function factsOf(db: Kysely<Database>, row: OrderClaimRow, user: { id: string; accountId: string }) {
  return {
    state: row.state as OrderState,
    claim: row.claimed_by && row.claim_expires_at ? { userId: row.claimed_by, expiresAt: row.claim_expires_at } : null,
    conflictOfInterest: await conflictOfInterest(db, row, user),
  } satisfies ClaimFacts;
}

async function view(ctx: AppContext, db: Kysely<Database>, row: OrderClaimRow, user: AuthUser): Promise<ClaimView> {
  const now = ctx.clock.now();
  const facts = await factsOf(db, row, user);
  const held = liveClaim(facts.claim, now);
  const holder = held
    ? await db.selectFrom('users').select(['id', 'display_name']).where('id', '=', held.userId).executeTakeFirst()
    : undefined;
  return {
    holder: holder ? { id: holder.id, displayName: holder.display_name } : null,
    expiresAt: held ? held.expiresAt.toISOString() : null,
    mine: held?.userId === user.id,
    leaseSeconds: ctx.config.REVIEW_CLAIM_LEASE_SECONDS,
    can: { claim: canClaim(facts, user, now), decide: canDecide(facts, user, now), reassign: canReassign(facts, user) },
  };
}

/** Throws the answer's reason; a colleague's claim is refused naming who holds it and until when. */
async function refuse(db: Kysely<Database>, answer: Can, facts: ClaimFacts, now: Date): Promise<void> {
  if (answer.can) return;
  if (answer.reason !== 'ORDER_CLAIMED_BY_OTHER') throw new DomainError(answer.reason);
  throw new DomainError('ORDER_CLAIMED_BY_OTHER', { details: await holderDetails(db, liveClaim(facts.claim, now)) });
}

/** Who holds the order now and what this reviewer can do with it. */
export async function getClaim(ctx: AppContext, user: AuthUser, orderId: string): Promise<ClaimView> {
  return view(ctx, ctx.db, await claimRow(ctx.db, orderId, false), user);
}

/**
 * Takes a free or expired claim, or renews one's own. The row is locked, so two reviewers pressing at once are
 * served one after the other and the second is told who won.
 */
export async function claimOrder(ctx: AppContext, user: AuthUser, orderId: string): Promise<ClaimView> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await claimRow(trx, orderId, true);
    const facts = await factsOf(trx, row, user);
    const held = liveClaim(facts.claim, now);
    await refuse(trx, canClaim(facts, user, now), facts, now);
    const expiresAt = leaseUntil(now, ctx.config.REVIEW_CLAIM_LEASE_SECONDS);
    await trx
      .updateTable('filing_orders')
      .set({ claimed_by: user.id, claim_expires_at: expiresAt })
      .where('id', '=', orderId)
      .execute();
    // Renewals are not news; taking the order (also over an expired colleague's claim) is.
    if (held?.userId !== user.id) {
      await appendAudit(trx, {
        at: now,
        actorId: user.id,
        actorRole: user.role,
        action: 'order.claimed',
        orderId,
        details: { ...(facts.claim && facts.claim.userId !== user.id && { takenOverFrom: facts.claim.userId }) },
      });
    }
    return view(ctx, trx, { ...row, claimed_by: user.id, claim_expires_at: expiresAt }, user);
  });
}

async function holderDetails(db: Kysely<Database>, held: { userId: string; expiresAt: Date } | null) {
  if (!held) return {};
  const holder = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', '=', held.userId)
    .executeTakeFirst();
  return { holder: holder && { id: holder.id, displayName: holder.display_name }, expiresAt: held.expiresAt };
}

/** Gives one's own claim back (leaving the screen); releasing a claim one does not hold changes nothing. */
export async function releaseClaim(ctx: AppContext, user: AuthUser, orderId: string): Promise<ClaimView> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await claimRow(trx, orderId, true);
    if (row.claimed_by !== user.id) return view(ctx, trx, row, user);
    await trx
      .updateTable('filing_orders')
      .set({ claimed_by: null, claim_expires_at: null })
      .where('id', '=', orderId)
      .execute();
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'order.claim_released',
      orderId,
    });
    return view(ctx, trx, { ...row, claimed_by: null, claim_expires_at: null }, user);
  });
}

/** A senior reviewer or admin hands the order to a colleague (with a fresh lease); a reason is required. */
export async function reassignClaim(
  ctx: AppContext,
  user: AuthUser,
  input: { orderId: string; toUserId: string; reason: string },
): Promise<ClaimView> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await claimRow(trx, input.orderId, true);
    const facts = await factsOf(trx, row, user);
    await refuse(trx, canReassign(facts, user), facts, now);
    const target = await trx
      .selectFrom('users')
      .select(['id', 'role', 'disabled', 'parent_user_id'])
      .where('id', '=', input.toUserId)
      .executeTakeFirst();
    if (!target || target.disabled || !isStaffRole(target.role)) {
      throw new DomainError('VALIDATION_FAILED', { details: { field: 'toUserId', reason: 'not_active_staff' } });
    }
    if (await conflictOfInterest(trx, row, { id: target.id, accountId: target.parent_user_id ?? target.id })) {
      throw new DomainError('REVIEWER_CONFLICT_OF_INTEREST', { details: { toUserId: target.id } });
    }
    const expiresAt = leaseUntil(now, ctx.config.REVIEW_CLAIM_LEASE_SECONDS);
    await trx
      .updateTable('filing_orders')
      .set({ claimed_by: target.id, claim_expires_at: expiresAt })
      .where('id', '=', input.orderId)
      .execute();
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'order.claim_reassigned',
      orderId: input.orderId,
      reason: input.reason,
      details: { from: row.claimed_by, to: target.id },
    });
    return view(ctx, trx, { ...row, claimed_by: target.id, claim_expires_at: expiresAt }, user);
  });
}

/**
 * Inside a decision's transaction (the order row already locked): refuses a decision on a colleague's live claim
 * or with a conflict of interest, and frees the claim, since the order leaves the reviewer's queue.
 */
export async function settleClaimForDecision(
  trx: Kysely<Database>,
  now: Date,
  user: { id: string; role: Role; accountId: string },
  orderId: string,
): Promise<void> {
  const row = await claimRow(trx, orderId, false);
  const facts = await factsOf(trx, row, user);
  await refuse(trx, canDecide(facts, user, now), facts, now);
  await trx
    .updateTable('filing_orders')
    .set({ claimed_by: null, claim_expires_at: null })
    .where('id', '=', orderId)
    .execute();
}
