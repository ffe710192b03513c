import type { ErrorCode } from './errors.ts';

/** Platform roles. Sub-accounts exist under an applicant account but can never file (domain.md §2.1). */
export const ROLES = ['applicant', 'sub_account', 'reviewer', 'senior_reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The provider's staff: reviewers decide orders, senior reviewers also reassign claims, admins run the platform. */
export const STAFF_ROLES = ['reviewer', 'senior_reviewer', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];
export const isStaffRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);

/** Who may call a route: everyone, or any of the listed roles. */
export type RouteAccess = 'public' | readonly Role[];

export type AuthUser = {
  id: string;
  role: Role;
  /** The account whose data the user acts on: itself, or the parent for a sub-account. */
  accountId: string;
  email: string;
  displayName: string;
  realNameVerified: boolean;
};

/** A refusal the client can act on: the catalogue code that names the reason, and what was asked for. */
export type RoleRefusal = { code: ErrorCode; details: { role: Role; allowedRoles: readonly Role[]; reason?: string } };

/**
 * Why a signed-in role is refused a route listed for other roles. A sub-account refused a route its parent
 * applicant may call is refused because sub-accounts never file (domain.md §2.1: 子账号不能办理备案), and the
 * catalogue has that reason; any other role is simply outside the route's audience.
 */
export function roleRefusal(role: Role, allowed: readonly Role[]): RoleRefusal {
  if (role === 'sub_account' && allowed.includes('applicant')) {
    return { code: 'SUB_ACCOUNT_CANNOT_FILE', details: { role, allowedRoles: allowed } };
  }
  return { code: 'FORBIDDEN', details: { role, allowedRoles: allowed, reason: 'role_not_allowed' } };
}
