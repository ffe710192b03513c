import { describe, expect, it } from 'vitest';
import { type ClaimFacts, canClaim, canDecide, canReassign, liveClaim } from './claim.ts';

const now = new Date('2026-12-03T02:00:00Z');
const later = new Date(now.getTime() + 60_000);
const earlier = new Date(now.getTime() - 1);
const alice = { id: 'a', role: 'reviewer' as const };
const facts = (over: Partial<ClaimFacts> = {}): ClaimFacts => ({
  state: 'pending_provider_review',
  claim: null,
  conflictOfInterest: false,
  ...over,
});

describe('review claims', () => {
  it('a lease that ran out is no claim', () => {
    expect(liveClaim({ userId: 'b', expiresAt: now }, now)).toBeNull();
    expect(liveClaim({ userId: 'b', expiresAt: later }, now)).not.toBeNull();
  });

  it('free, expired and own claims can be taken; a colleague’s live one cannot', () => {
    expect(canClaim(facts(), alice, now)).toEqual({ can: true });
    expect(canClaim(facts({ claim: { userId: 'b', expiresAt: earlier } }), alice, now)).toEqual({ can: true });
    expect(canClaim(facts({ claim: { userId: 'a', expiresAt: later } }), alice, now)).toEqual({ can: true });
    expect(canClaim(facts({ claim: { userId: 'b', expiresAt: later } }), alice, now)).toEqual({
      can: false,
      reason: 'ORDER_CLAIMED_BY_OTHER',
    });
  });

  it('only orders waiting for the provider are claimable, and never with a conflict of interest', () => {
    expect(canClaim(facts({ state: 'draft' }), alice, now)).toEqual({ can: false, reason: 'ORDER_NOT_CLAIMABLE' });
    expect(canClaim(facts({ state: 'authenticity_under_review' }), alice, now).can).toBe(true);
    expect(canClaim(facts({ conflictOfInterest: true }), alice, now)).toEqual({
      can: false,
      reason: 'REVIEWER_CONFLICT_OF_INTEREST',
    });
    expect(canDecide(facts({ conflictOfInterest: true }), alice, now).can).toBe(false);
  });

  it('reassigning is for senior reviewers and admins', () => {
    expect(canReassign(facts(), alice)).toEqual({ can: false, reason: 'FORBIDDEN' });
    expect(canReassign(facts(), { id: 's', role: 'senior_reviewer' })).toEqual({ can: true });
    expect(canReassign(facts({ state: 'approved' }), { id: 'x', role: 'admin' }).can).toBe(false);
  });
});
