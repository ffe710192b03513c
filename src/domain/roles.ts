/** Platform roles. Sub-accounts exist under an applicant account but can never file (domain.md §2.1). */
export const ROLES = ['applicant', 'sub_account', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

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
