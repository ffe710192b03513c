import { afterEach, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../../../test/support/http.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { loadConfig } from '../../config.ts';
import { registerApplicant } from './register-applicant.ts';

/** DEV_SIGNUP_STAND_IN: a self-registered account can file on embedded defaults, never in production. */
let t: TestContext | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const register = async (tc: TestContext) => {
  const email = uniqueEmail('standin');
  await registerApplicant(tc.ctx, { email, password: 'Stand-In-Password-2026', displayName: '替身' });
  return tc.ctx.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
};

const serversOf = (tc: TestContext, accountId: string) =>
  tc.ctx.db.selectFrom('resources').selectAll().where('account_id', '=', accountId).execute();

describe('sign-up stand-in for real-name and inventory', () => {
  it('is off unless configured: a new account is not verified and has no servers', async () => {
    t = await createTestContext();
    const user = await register(t);
    expect(user.real_name_verified).toBe(false);
    expect(await serversOf(t, user.id)).toEqual([]);
  });

  it('when on, a new account is real-name verified and gets the demo servers', async () => {
    t = await createTestContext({ config: { DEV_SIGNUP_STAND_IN: 'true' } });
    const user = await register(t);
    expect(user.real_name_verified).toBe(true);
    const servers = await serversOf(t, user.id);
    expect(servers.some((r) => r.billing_type === 'prepaid')).toBe(true);
  });

  it('is refused in production', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        DEV_SIGNUP_STAND_IN: 'true',
        PI_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      }),
    ).toThrow(/DEV_SIGNUP_STAND_IN/);
  });
});
