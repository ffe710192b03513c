import { describe, expect, it } from 'vitest';
import { checkScope, scopesForRole, scopesNotAllowed } from './api-key-scopes.ts';

describe('API key scopes', () => {
  it('lets a key call a route declaring a scope it holds', () => {
    expect(checkScope(['orders:read'], 'orders:read')).toEqual({ ok: true });
  });

  it('refuses a route declaring a scope the key lacks, naming the scope', () => {
    expect(checkScope(['orders:read'], 'orders:write')).toEqual({
      ok: false,
      reason: 'scope_missing',
      required: 'orders:write',
    });
  });

  it('refuses every route without a scope declaration, whatever the key holds (fail closed)', () => {
    expect(checkScope(['orders:read', 'orders:write', 'webhooks:manage'], undefined)).toEqual({
      ok: false,
      reason: 'route_not_available_to_api_keys',
    });
  });

  it('gives staff read-only scopes only, and sub-accounts no write scope', () => {
    for (const role of ['reviewer', 'senior_reviewer', 'admin'] as const) {
      expect(scopesForRole(role).every((s) => s.endsWith(':read'))).toBe(true);
    }
    expect(scopesNotAllowed('sub_account', ['orders:read', 'orders:write', 'webhooks:manage'])).toEqual([
      'orders:write',
      'webhooks:manage',
    ]);
    expect(scopesNotAllowed('applicant', ['queue:read'])).toEqual(['queue:read']);
    expect(scopesNotAllowed('reviewer', ['orders:write'])).toEqual(['orders:write']);
  });
});
