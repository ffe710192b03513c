import type { UserRow } from '../../adapters/db/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AuthUser } from '../../domain/roles.ts';

/** E-mail addresses are compared case-insensitively: one mailbox, one account. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** A deliberately loose check for callers that bypass the HTTP schema (CLI, seed). */
export const assertEmailShape = (email: string): void => {
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { issues: [{ field: 'email', message: 'Invalid e-mail' }] },
    });
  }
};

export type AuthUserColumns = Pick<
  UserRow,
  'id' | 'email' | 'role' | 'parent_user_id' | 'display_name' | 'real_name_verified'
>;

export const AUTH_USER_COLUMNS = [
  'id',
  'email',
  'role',
  'parent_user_id',
  'display_name',
  'real_name_verified',
] as const satisfies ReadonlyArray<keyof UserRow>;

/** The signed-in user as routes see it; never carries the password hash or lockout counters. */
export const toAuthUser = (row: AuthUserColumns): AuthUser => ({
  id: row.id,
  role: row.role,
  accountId: row.parent_user_id ?? row.id,
  email: row.email,
  displayName: row.display_name,
  realNameVerified: row.real_name_verified,
});
