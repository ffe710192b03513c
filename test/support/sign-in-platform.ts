import { externalSignInFromConfig } from '../../src/compose.ts';
import type { ManualClock } from '../../src/domain/ports/clock.ts';
import { freePort, type TestBrowser } from './browser-fetch.ts';
import { createTestPlatform, type TestPlatform, type TestPlatformOptions } from './platform.ts';

/**
 * A platform listening on a real port for the external sign-in tests (OpenID Connect, WeChat): the counterpart
 * redirects the browser back to `base`, so the port must be known before the configuration is written.
 */
export type SignInPlatform = {
  platform: TestPlatform;
  base: string;
  /** GET /auth/me in this browser: the status, and the parsed account when signed in (null otherwise). */
  me(browser: TestBrowser): Promise<{ status: number; body: ReturnType<typeof JSON.parse> }>;
  /** The details of the newest `auth.external.refused` audit entry. */
  lastRefusal(): Promise<Record<string, unknown>>;
};

export async function startSignInPlatform(
  config: (base: string) => Promise<NonNullable<TestPlatformOptions['config']>>,
  clock?: ManualClock,
): Promise<SignInPlatform> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const platform = await createTestPlatform({
    regulator: 'in_process',
    ...(clock && { clock }),
    config: { PUBLIC_BASE_URL: base, ...(await config(base)) },
  });
  // The test platform starts with no external sign-in; this one is wired from the configuration, as compose does.
  platform.ctx.externalSignIn = externalSignInFromConfig(platform.ctx.config);
  await platform.app.listen({ port, host: '127.0.0.1' });
  return {
    platform,
    base,
    me: async (browser) => {
      const res = await browser.request(`${base}/api/v1/auth/me`);
      return { status: res.status, body: res.status === 200 ? JSON.parse(res.body) : null };
    },
    lastRefusal: async () =>
      (
        await platform.ctx.db
          .selectFrom('audit_log')
          .select('details')
          .where('action', '=', 'auth.external.refused')
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirstOrThrow()
      ).details as Record<string, unknown>,
  };
}
