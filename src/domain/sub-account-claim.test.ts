import { describe, expect, it } from 'vitest';
import { isSubAccountClaim } from './sub-account-claim.ts';

describe('isSubAccountClaim', () => {
  const values = ['sub', 'ram'];
  it('marks a sub-account by a string, a list or a boolean claim', () => {
    expect(isSubAccountClaim({ account_type: 'sub' }, 'account_type', values)).toBe(true);
    expect(isSubAccountClaim({ account_type: 'RAM' }, 'account_type', values)).toBe(true);
    expect(isSubAccountClaim({ account_type: ['x', 'ram'] }, 'account_type', values)).toBe(true);
    expect(isSubAccountClaim({ is_sub: true }, 'is_sub', ['true'])).toBe(true);
  });
  it('leaves main accounts and missing claims alone', () => {
    expect(isSubAccountClaim({ account_type: 'main' }, 'account_type', values)).toBe(false);
    expect(isSubAccountClaim({}, 'account_type', values)).toBe(false);
    expect(isSubAccountClaim({ account_type: { sub: 1 } }, 'account_type', values)).toBe(false);
    expect(isSubAccountClaim({ is_sub: false }, 'is_sub', ['true'])).toBe(false);
  });
});
