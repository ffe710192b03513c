import { isStaffRole, type Role } from './roles.ts';

/**
 * Staff see unmasked personal data, so their sign-in takes a second factor: a TOTP code from an authenticator app
 * (RFC 6238). A session starts with the password only; until the second factor is done it may only enrol, verify,
 * read /auth/me and sign out.
 *
 * - `enrol`: staff without an authenticator yet; the session may set one up.
 * - `verify`: staff with an authenticator; the session must present a code (or a recovery code).
 * - `done`: nothing left to do (applicants and sub-accounts always, staff once verified).
 */
export const SECOND_FACTOR_STATES = ['enrol', 'verify', 'done'] as const;
export type SecondFactorState = (typeof SECOND_FACTOR_STATES)[number];

/** Wrong codes in a row before the second factor locks, and for how long. */
export const SECOND_FACTOR_LOCK_AFTER = 5;
export const SECOND_FACTOR_LOCK_MINUTES = 15;
export const RECOVERY_CODE_COUNT = 10;

export type SecondFactorFacts = {
  role: Role;
  /** STAFF_TOTP_REQUIRED. */
  required: boolean;
  /** The session already passed the second factor. */
  verifiedInSession: boolean;
  /** The user has a confirmed authenticator. */
  enrolled: boolean;
};

export function secondFactorState(facts: SecondFactorFacts): SecondFactorState {
  if (!isStaffRole(facts.role) || !facts.required || facts.verifiedInSession) return 'done';
  return facts.enrolled ? 'verify' : 'enrol';
}

/** The lock that follows a failed attempt: reached on the SECOND_FACTOR_LOCK_AFTER-th failure in a row. */
export function lockAfterFailure(failuresInARow: number, now: Date): Date | null {
  return failuresInARow >= SECOND_FACTOR_LOCK_AFTER
    ? new Date(now.getTime() + SECOND_FACTOR_LOCK_MINUTES * 60_000)
    : null;
}
