import { describe, expect, it } from 'vitest';
import { roleRefusal } from './roles.ts';

describe('roleRefusal (issue 6 #2: the role check names the domain’s reason)', () => {
  it('a sub-account refused an applicant route cannot file', () => {
    expect(roleRefusal('sub_account', ['applicant'])).toEqual({
      code: 'SUB_ACCOUNT_CANNOT_FILE',
      details: { role: 'sub_account', allowedRoles: ['applicant'] },
    });
  });

  it('any other role outside the audience is told it is not allowed, with who is', () => {
    expect(roleRefusal('reviewer', ['applicant'])).toEqual({
      code: 'FORBIDDEN',
      details: { role: 'reviewer', allowedRoles: ['applicant'], reason: 'role_not_allowed' },
    });
    expect(roleRefusal('sub_account', ['reviewer', 'admin']).code).toBe('FORBIDDEN');
  });
});
