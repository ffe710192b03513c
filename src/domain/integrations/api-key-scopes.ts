import type { Role } from '../roles.ts';

/**
 * What an API key may do. A key acts as its owner, narrowed to its scopes; a route a key may call names the one
 * scope it needs (`config.scope`), and a route without one is refused to keys (fail closed).
 *
 * Applicant scopes cover the filing API. Staff scopes are read-only on purpose: a decision (approve, reject,
 * reveal, forward) is made by a person who signed in with the second factor, never by a stored secret. No scope
 * lets a key manage API keys or sessions, so a leaked key cannot mint another or outlive its revocation.
 */
export const APPLICANT_SCOPES = ['orders:read', 'orders:write', 'records:read', 'webhooks:manage'] as const;
export const STAFF_SCOPES = ['queue:read', 'orders:review:read'] as const;
export const API_KEY_SCOPES = [...APPLICANT_SCOPES, ...STAFF_SCOPES] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const isApiKeyScope = (s: string): s is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(s);

/** Which scopes a key of an owner with this role may carry. Sub-accounts are read-only, as in the portal. */
export function scopesForRole(role: Role): readonly ApiKeyScope[] {
  switch (role) {
    case 'applicant':
      return APPLICANT_SCOPES;
    case 'sub_account':
      return ['orders:read', 'records:read'];
    case 'reviewer':
    case 'senior_reviewer':
    case 'admin':
      return STAFF_SCOPES;
  }
}

/** The scopes asked for that an owner with `role` may not give a key (empty when all are allowed). */
export const scopesNotAllowed = (role: Role, scopes: readonly string[]): string[] => {
  const allowed = scopesForRole(role) as readonly string[];
  return scopes.filter((s) => !allowed.includes(s));
};

export type ScopeDecision =
  | { ok: true }
  | { ok: false; reason: 'route_not_available_to_api_keys' | 'scope_missing'; required?: ApiKeyScope };

/** Whether a key with `granted` scopes may call a route declaring `required` (undefined: no keys at all). */
export function checkScope(granted: readonly string[], required: ApiKeyScope | undefined): ScopeDecision {
  if (required === undefined) return { ok: false, reason: 'route_not_available_to_api_keys' };
  return granted.includes(required) ? { ok: true } : { ok: false, reason: 'scope_missing', required };
}
