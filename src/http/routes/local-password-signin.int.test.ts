import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectJson, strongPassword, uniqueEmail } from '../../../test/support/http.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { createUser } from '../../use-cases/auth/create-user.ts';

/** LOCAL_PASSWORD_SIGNIN=false: applicants sign in at the provider only; staff keep password (+ TOTP). */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform({ regulator: 'in_process', config: { LOCAL_PASSWORD_SIGNIN: 'false' } });
});
afterAll(async () => platform?.close());

const login = (email: string, password: string) =>
  injectJson(platform.app, { method: 'POST', url: '/api/v1/auth/login', body: { email, password } });

describe('LOCAL_PASSWORD_SIGNIN off', () => {
  it('refuses registration', async () => {
    const res = await injectJson(platform.app, {
      method: 'POST',
      url: '/api/v1/auth/register',
      body: { email: uniqueEmail(), password: strongPassword(), displayName: '申请人' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SIGN_IN_METHOD_DISABLED');
  });

  it("refuses an applicant's correct password with SIGN_IN_METHOD_DISABLED, a wrong one like always", async () => {
    const email = uniqueEmail('applicant');
    const password = strongPassword();
    await createUser(platform.ctx, { email, password, role: 'applicant', displayName: 'A' });
    const right = await login(email, password);
    expect(right.statusCode).toBe(403);
    expect(right.json().code).toBe('SIGN_IN_METHOD_DISABLED');
    expect(right.headers['set-cookie']).toBeUndefined();
    expect((await login(email, `${password}x`)).json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('lets staff sign in with their password', async () => {
    const email = uniqueEmail('reviewer');
    const password = strongPassword();
    await createUser(platform.ctx, { email, password, role: 'reviewer', displayName: 'R' });
    expect((await login(email, password)).statusCode).toBe(200);
  });

  it('tells the sign-in page that the password form is off', async () => {
    const res = await injectJson(platform.app, { method: 'GET', url: '/api/v1/public/config' });
    expect(res.json().signIn).toEqual({ password: false, oidc: null, wechat: false });
  });
});
