import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../../src/app-context.ts';
import type { AuthUser, Role } from '../../src/domain/roles.ts';
import { buildApp } from '../../src/http/app.ts';
import { sessionCookieName } from '../../src/http/plugins/auth.ts';
import { createUser } from '../../src/use-cases/auth/create-user.ts';

/** The platform app on a test context; call `app.close()` in afterAll. */
export const buildTestApp = (ctx: AppContext): Promise<FastifyInstance> => buildApp({ ctx });

/** A password that passes the policy, different on every call. */
export const strongPassword = (): string => `Test-${randomBytes(12).toString('base64url')}`;

/** A unique e-mail per call, so tests sharing one database never collide. */
export const uniqueEmail = (prefix = 'user'): string => `${prefix}-${randomBytes(6).toString('hex')}@test.example`;

export type InjectJsonOptions = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** A `name=value` cookie pair as returned by loginAs / sessionCookieFrom. */
  cookie?: string;
  body?: unknown;
  headers?: Record<string, string>;
};

/** Injects a request with a JSON body (if any) and the session cookie (if any). */
export const injectJson = (
  app: FastifyInstance,
  { method, url, cookie, body, headers = {} }: InjectJsonOptions,
): Promise<LightMyRequestResponse> => {
  const options: InjectOptions = {
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...headers },
  };
  if (body !== undefined) options.payload = body as InjectOptions['payload'];
  return app.inject(options);
};

/** The `name=value` pair of the session cookie a response set, for the next request's Cookie header. */
export const sessionCookieFrom = (response: LightMyRequestResponse, ctx: AppContext): string => {
  const name = sessionCookieName(ctx.config);
  const found = response.cookies.find((c) => c.name === name && c.value !== '');
  if (!found) throw new Error(`response ${response.statusCode} did not set ${name}: ${response.body}`);
  return `${found.name}=${found.value}`;
};

export type LoginAsOptions = {
  email?: string;
  password?: string;
  displayName?: string;
  /** Defaults to true, so filing flows work without an extra admin step. */
  realNameVerified?: boolean;
  /** For sub-accounts: the owning applicant. Without it a fresh applicant is created. */
  parent?: AuthUser;
};

export type LoggedIn = { user: AuthUser; cookie: string; password: string };

/** Creates a user with `role` and logs in through the real endpoint. */
export async function loginAs(
  app: FastifyInstance,
  ctx: AppContext,
  role: Role,
  opts: LoginAsOptions = {},
): Promise<LoggedIn> {
  const password = opts.password ?? strongPassword();
  const email = opts.email ?? uniqueEmail(role);
  const parentUserId = role === 'sub_account' ? (opts.parent ?? (await createParent(ctx))).id : undefined;
  const user = await createUser(ctx, {
    email,
    password,
    role,
    displayName: opts.displayName ?? `Test ${role}`,
    realNameVerified: opts.realNameVerified ?? true,
    parentUserId,
  });
  const response = await injectJson(app, { method: 'POST', url: '/api/v1/auth/login', body: { email, password } });
  return { user, cookie: sessionCookieFrom(response, ctx), password };
}

const createParent = (ctx: AppContext): Promise<AuthUser> =>
  createUser(ctx, {
    email: uniqueEmail('parent'),
    password: strongPassword(),
    role: 'applicant',
    displayName: 'Test parent applicant',
    realNameVerified: true,
  });

/**
 * Logs the same user in again. Sessions end after 30 idle minutes (15 for staff) and 12 hours, so a test that
 * moves the clock past that must get a fresh cookie instead of reusing one from beforeAll.
 */
export async function relogin(app: FastifyInstance, ctx: AppContext, session: LoggedIn): Promise<LoggedIn> {
  const response = await injectJson(app, {
    method: 'POST',
    url: '/api/v1/auth/login',
    body: { email: session.user.email, password: session.password },
  });
  return { ...session, cookie: sessionCookieFrom(response, ctx) };
}
