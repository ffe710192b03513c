/**
 * Whether an identity provider's claims mark a sub-account (子账号, e.g. a RAM user), which the seed's rule
 * keeps from filing: "子账号不支持备案". The claim may be a string, a list of strings, or a boolean; a value
 * counts when it is one of `values` (compared case-insensitively, booleans as "true"/"false").
 */
export function isSubAccountClaim(claims: Record<string, unknown>, claim: string, values: readonly string[]): boolean {
  const wanted = new Set(values.map((v) => v.toLowerCase()));
  const raw = claims[claim];
  const found = Array.isArray(raw) ? raw : [raw];
  return found.some((v) => (typeof v === 'string' || typeof v === 'boolean') && wanted.has(String(v).toLowerCase()));
}
