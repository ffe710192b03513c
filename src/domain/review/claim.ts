import type { OrderState } from '../order-state.ts';
import type { Role } from '../roles.ts';

/** The states in which an order waits for a provider decision and so can be claimed by a reviewer. */
export const CLAIMABLE_STATES = [
  'pending_provider_review',
  'authenticity_under_review',
] as const satisfies readonly OrderState[];

export const isClaimable = (state: OrderState): boolean => (CLAIMABLE_STATES as readonly string[]).includes(state);

/** Who holds an order, until when. A claim whose lease has run out is no claim at all. */
export type Claim = { userId: string; expiresAt: Date };

export const liveClaim = (claim: Claim | null, now: Date): Claim | null =>
  claim && claim.expiresAt.getTime() > now.getTime() ? claim : null;

/** refine-style answer: whether the user can, and if not, the catalogue code that says why. */
export type Can =
  | { can: true }
  | {
      can: false;
      reason: 'ORDER_CLAIMED_BY_OTHER' | 'ORDER_NOT_CLAIMABLE' | 'REVIEWER_CONFLICT_OF_INTEREST' | 'FORBIDDEN';
    };

export type ClaimFacts = {
  state: OrderState;
  claim: Claim | null;
  /** The reviewer is the order's own account, or changed its data or materials (four-eyes rule). */
  conflictOfInterest: boolean;
};

export type Reviewer = { id: string; role: Role };

const mayReassign = (role: Role) => role === 'senior_reviewer' || role === 'admin';

/** Claim or renew: free, expired and own claims can be taken; another's live claim cannot. */
export function canClaim(facts: ClaimFacts, reviewer: Reviewer, now: Date): Can {
  if (!isClaimable(facts.state)) return { can: false, reason: 'ORDER_NOT_CLAIMABLE' };
  if (facts.conflictOfInterest) return { can: false, reason: 'REVIEWER_CONFLICT_OF_INTEREST' };
  const held = liveClaim(facts.claim, now);
  if (held && held.userId !== reviewer.id) return { can: false, reason: 'ORDER_CLAIMED_BY_OTHER' };
  return { can: true };
}

/**
 * Deciding follows the claim: nobody may decide while a colleague holds the order. An unclaimed order may be
 * decided (API clients and scripts), and the order's version check remains the last line against a race.
 */
export function canDecide(facts: ClaimFacts, reviewer: Reviewer, now: Date): Can {
  if (facts.conflictOfInterest) return { can: false, reason: 'REVIEWER_CONFLICT_OF_INTEREST' };
  const held = liveClaim(facts.claim, now);
  if (held && held.userId !== reviewer.id) return { can: false, reason: 'ORDER_CLAIMED_BY_OTHER' };
  return { can: true };
}

/** Senior reviewers and admins hand an order to a colleague (or themselves), over a live claim too. */
export function canReassign(facts: ClaimFacts, reviewer: Reviewer): Can {
  if (!mayReassign(reviewer.role)) return { can: false, reason: 'FORBIDDEN' };
  if (!isClaimable(facts.state)) return { can: false, reason: 'ORDER_NOT_CLAIMABLE' };
  return { can: true };
}

export const leaseUntil = (now: Date, leaseSeconds: number): Date => new Date(now.getTime() + leaseSeconds * 1000);
