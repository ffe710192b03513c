import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type { Config } from '../../config.ts';
import { DomainError } from '../../domain/errors.ts';
import { type ApiKeyScope, checkScope } from '../../domain/integrations/api-key-scopes.ts';
import { type AuthUser, type RouteAccess, roleRefusal } from '../../domain/roles.ts';
import type { SecondFactorState } from '../../domain/second-factor.ts';
import { resolveSessionState } from '../../use-cases/auth/sessions.ts';
import { authenticateApiKey } from '../../use-cases/integrations/api-keys.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Routes under /api and /sim without it are refused (fail closed). */
    access?: RouteAccess;
    /**
     * The route answers a session whose staff second factor is still pending (enrol/verify, /auth/me, logout).
     * Every other route refuses such a session with SECOND_FACTOR_REQUIRED (fail closed).
     */
    beforeSecondFactor?: true;
    /**
     * The API-key scope the route needs. A request with `Authorization: Bearer <key>` is refused on every route
     * without one (fail closed): sessions, second factor and key management are never reachable with a key.
     */
    scope?: ApiKeyScope;
  }
  interface FastifyRequest {
    user: AuthUser | null;
    /** What the session still owes of the staff second factor; 'done' without a session. */
    secondFactor: SecondFactorState;
    /** Set when the request authenticated with an API key instead of a session cookie. */
    apiKey: { id: string; scopes: readonly string[] } | null;
  }
}

/** Secure cookies default to on in production, where the app is only reached over HTTPS. */
export const isCookieSecure = (config: Pick<Config, 'COOKIE_SECURE' | 'NODE_ENV'>): boolean =>
  config.COOKIE_SECURE ?? config.NODE_ENV === 'production';

/**
 * `__Host-` makes the browser refuse the cookie unless it is Secure, has Path=/ and no Domain, so a sibling
 * subdomain cannot plant or overwrite it (ASVS 3.3.3). Plain HTTP in development cannot use the prefix.
 */
export const sessionCookieName = (config: Pick<Config, 'COOKIE_SECURE' | 'NODE_ENV'>): string =>
  isCookieSecure(config) ? '__Host-beian_sid' : 'beian_sid';

/** HttpOnly, SameSite=Lax, Path=/, no Domain, no Max-Age: the server decides when a session ends (A15). */
const cookieOptions = (config: Pick<Config, 'COOKIE_SECURE' | 'NODE_ENV'>) =>
  ({ httpOnly: true, sameSite: 'lax', path: '/', secure: isCookieSecure(config) }) as const;

export const setSessionCookie = (reply: FastifyReply, ctx: Pick<AppContext, 'config'>, sessionId: string): void => {
  reply.setCookie(sessionCookieName(ctx.config), sessionId, cookieOptions(ctx.config));
};

export const clearSessionCookie = (reply: FastifyReply, ctx: Pick<AppContext, 'config'>): void => {
  reply.clearCookie(sessionCookieName(ctx.config), cookieOptions(ctx.config));
};

/** The raw session id the request presented, if any. */
export const readSessionCookie = (request: FastifyRequest, ctx: Pick<AppContext, 'config'>): string | undefined =>
  request.cookies[sessionCookieName(ctx.config)];

/** The signed-in user of a route whose access config already demanded one. */
export const requireUser = (request: FastifyRequest): AuthUser => {
  if (!request.user) throw new DomainError('AUTH_REQUIRED');
  return request.user;
};

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence without tokens (ASVS 3.5.1–3.5.3): SameSite=Lax already keeps the cookie off cross-site
 * POSTs; this also refuses any state-changing request a browser marks as cross-site, or whose Origin is not
 * this host. Non-browser clients send neither header and pass. An opaque `Origin: null` is refused.
 */
export const isCrossSiteRequest = (request: FastifyRequest): boolean => {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    return comparableHost(new URL(origin).host) !== comparableHost(request.headers.host ?? '');
  } catch {
    return true;
  }
};

/** Browsers omit default ports in Host but some clients send them; compare without them. */
const comparableHost = (host: string): string => host.toLowerCase().replace(/:(80|443)$/, '');

/** Paths whose routes must say who may call them. Others (the SPA, static files) are public by nature. */
const GUARDED_PATH = /^\/(api|sim)(\/|$)/;
/** Swagger UI's own routes cannot carry our config; they serve the same document as the public /api/openapi.json. */
const THIRD_PARTY_PUBLIC_PATH = /^\/api\/docs(\/|$)/;

const needsAccessRule = (url: string): boolean => GUARDED_PATH.test(url) && !THIRD_PARTY_PUBLIC_PATH.test(url);

function enforceAccess(
  request: FastifyRequest,
  access: RouteAccess | undefined,
  url: string,
  beforeSecondFactor: boolean,
): void {
  if (access === 'public') return;
  if (access === undefined) {
    if (needsAccessRule(url)) throw new DomainError('FORBIDDEN', { details: { reason: 'route_without_access_rule' } });
    return;
  }
  if (!request.user) throw new DomainError('AUTH_REQUIRED');
  if (!access.includes(request.user.role)) {
    // The role check runs before the handler, so it must give the domain's reason, not a bare FORBIDDEN.
    const { code, details } = roleRefusal(request.user.role, access);
    throw new DomainError(code, { details });
  }
  if (request.secondFactor !== 'done' && !beforeSecondFactor) {
    throw new DomainError('SECOND_FACTOR_REQUIRED', { details: { secondFactor: request.secondFactor } });
  }
}

/**
 * Cookie parsing, session resolution into `request.user`, CSRF checks, per-route access rules and the staff
 * second factor, as one
 * onRequest hook on the root instance so no route can be registered outside it.
 */
export async function registerAuth(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('user', null);
  app.decorateRequest('secondFactor', 'done');
  app.decorateRequest('apiKey', null);

  app.addHook('onRequest', async (request) => {
    const bearer = bearerToken(request);
    if (bearer !== undefined) return authenticateWithKey(request, ctx, bearer);
    if (STATE_CHANGING.has(request.method) && isCrossSiteRequest(request)) {
      throw new DomainError('FORBIDDEN', { details: { reason: 'cross_site_request' } });
    }
    // Unknown URLs fall through to the 404 handler.
    if (request.is404) return;
    const url = request.routeOptions.url ?? request.url;
    const access = request.routeOptions.config.access;
    // Sessions are only looked up where a rule may need them, so static assets and public routes (lookup,
    // health, login) cost no database round trip even when a signed-in browser sends its cookie. No public
    // route reads request.user; login and logout read the cookie themselves.
    if (access === 'public') return;
    const sessionId = readSessionCookie(request, ctx);
    if (sessionId && (access !== undefined || GUARDED_PATH.test(url))) {
      const session = await resolveSessionState(ctx, sessionId);
      request.user = session?.user ?? null;
      request.secondFactor = session?.secondFactor ?? 'done';
    }
    enforceAccess(request, access, url, request.routeOptions.config.beforeSecondFactor === true);
  });
}

/** The key of an `Authorization: Bearer …` header; undefined without one (the request then uses cookies). */
const bearerToken = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
};

/**
 * A key request is not a browser request: it carries no cookie (so no CSRF check, and any cookie sent along is
 * ignored), acts as its owner narrowed to its scopes, and passes the owner's role rule like a session would. The
 * second factor is not asked per request: staff keys are created by admins, read-only, and only for staff with an
 * authenticator set up (see authenticateApiKey).
 */
async function authenticateWithKey(request: FastifyRequest, ctx: AppContext, key: string): Promise<void> {
  if (request.is404) return;
  const { access, scope } = request.routeOptions.config;
  const url = request.routeOptions.url ?? request.url;
  // Public routes and the SPA's files ignore a key; everything under /api and /sim must be allowed it.
  if (access === 'public' || (access === undefined && !needsAccessRule(url))) return;
  const auth = await authenticateApiKey(ctx, key);
  const decision = checkScope(auth.apiKey.scopes, access === undefined ? undefined : scope);
  if (!decision.ok) {
    throw new DomainError('API_KEY_SCOPE_MISSING', {
      details: { reason: decision.reason, ...(decision.required && { requiredScope: decision.required }) },
    });
  }
  request.user = auth.user;
  request.apiKey = auth.apiKey;
  request.secondFactor = 'done';
  enforceAccess(request, access, url, false);
}
