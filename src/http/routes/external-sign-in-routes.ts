import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import {
  ExternalSignInCallbackQuerySchema,
  ExternalSignInStartQuerySchema,
  SIGN_IN_ERROR_CODES,
} from '../../contracts/auth-api.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  type CallbackInput,
  completeOidcSignIn,
  completeWeChatSignIn,
  type SignedIn,
  type StartedSignIn,
  startOidcSignIn,
  startWeChatSignIn,
} from '../../use-cases/auth/external-sign-in.ts';
import { SIGN_IN_ATTEMPT_TTL_MS } from '../../use-cases/auth/sign-in-attempts.ts';
import { isCookieSecure, readSessionCookie, setSessionCookie } from '../plugins/auth.ts';

/**
 * The browser half of a started sign-in (see sign-in-attempts.ts): HttpOnly, SameSite=Lax (the IdP's redirect
 * back is a top-level GET, which Lax lets through), gone after the attempt's lifetime.
 */
const attemptCookieName = (ctx: Pick<AppContext, 'config'>) =>
  isCookieSecure(ctx.config) ? '__Host-beian_signin' : 'beian_signin';
const attemptCookieOptions = (ctx: Pick<AppContext, 'config'>) =>
  ({
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: isCookieSecure(ctx.config),
    maxAge: SIGN_IN_ATTEMPT_TTL_MS / 1000,
  }) as const;

const signInErrorCode = (e: unknown): (typeof SIGN_IN_ERROR_CODES)[number] =>
  e instanceof DomainError && (SIGN_IN_ERROR_CODES as readonly string[]).includes(e.code)
    ? (e.code as (typeof SIGN_IN_ERROR_CODES)[number])
    : 'SIGN_IN_FAILED';

const redirectDescription = (what: string) =>
  `${what} Answers 302. Any refusal also answers 302, to /sign-in?error=<code> (${SIGN_IN_ERROR_CODES.join(', ')}), ` +
  'where the page shows the message. Limited per client IP (LOGIN_RATE_LIMIT a minute).';

export const externalSignInRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(rateLimit, { global: false });
  const config = { access: 'public', rateLimit: { max: ctx.config.LOGIN_RATE_LIMIT, timeWindow: '1 minute' } } as const;

  const toSignIn = (reply: FastifyReply, request: FastifyRequest, e: unknown) => {
    if (!(e instanceof DomainError)) request.log.error({ err: e }, 'provider sign-in failed');
    return reply.redirect(`/sign-in?error=${signInErrorCode(e)}`, 302);
  };
  const start = async (request: FastifyRequest, reply: FastifyReply, begin: () => Promise<StartedSignIn>) => {
    try {
      const { redirectUrl, browserToken } = await begin();
      reply.setCookie(attemptCookieName(ctx), browserToken, attemptCookieOptions(ctx));
      return reply.redirect(redirectUrl, 302);
    } catch (e) {
      return toSignIn(reply, request, e);
    }
  };
  const finish = async (
    request: FastifyRequest,
    reply: FastifyReply,
    complete: (input: CallbackInput) => Promise<SignedIn>,
  ) => {
    reply.clearCookie(attemptCookieName(ctx), { ...attemptCookieOptions(ctx), maxAge: undefined });
    try {
      const { sessionId, returnTo } = await complete({
        query: request.query as Record<string, string>,
        browserToken: request.cookies[attemptCookieName(ctx)],
        previousSessionId: readSessionCookie(request, ctx),
        ip: request.ip,
      });
      setSessionCookie(reply, ctx, sessionId);
      return reply.redirect(returnTo, 302);
    } catch (e) {
      return toSignIn(reply, request, e);
    }
  };

  app.get(
    '/oidc/start',
    {
      config,
      schema: {
        tags: ['auth'],
        summary: "Sign in with the provider's account (OpenID Connect): go to the identity provider",
        description: redirectDescription(
          'Starts an authorization code flow with PKCE (S256), state and nonce, kept server-side for 10 minutes.',
        ),
        querystring: ExternalSignInStartQuerySchema,
      },
    },
    (request, reply) => start(request, reply, () => startOidcSignIn(ctx, { returnTo: request.query.returnTo })),
  );

  app.get(
    '/oidc/callback',
    {
      config,
      schema: {
        tags: ['auth'],
        summary: 'The identity provider returns here; sets the session cookie',
        description: redirectDescription(
          'Checks state (single use, same browser), redeems the code, validates the ID token (signature, iss, ' +
            'aud, exp, nonce), refuses sub-accounts (OIDC_SUB_ACCOUNT_CLAIM), links the account by issuer + sub ' +
            '(creating an applicant on first sign-in) and signs in, to the returnTo path.',
        ),
        querystring: ExternalSignInCallbackQuerySchema,
      },
    },
    (request, reply) => finish(request, reply, (input) => completeOidcSignIn(ctx, input)),
  );

  app.get(
    '/wechat/start',
    {
      config,
      schema: {
        tags: ['auth'],
        summary: 'Sign in with WeChat: go to the QR code page (网站应用微信登录)',
        description: redirectDescription('Starts a WeChat QR login (scope snsapi_login) with a single-use state.'),
        querystring: ExternalSignInStartQuerySchema,
      },
    },
    (request, reply) => start(request, reply, () => startWeChatSignIn(ctx, { returnTo: request.query.returnTo })),
  );

  app.get(
    '/wechat/callback',
    {
      config,
      schema: {
        tags: ['auth'],
        summary: 'WeChat returns here after the scan; sets the session cookie',
        description: redirectDescription(
          'Checks state, redeems the code at sns/oauth2/access_token, reads sns/userinfo and links the account by ' +
            'unionid (creating an applicant on first sign-in).',
        ),
        querystring: ExternalSignInCallbackQuerySchema,
      },
    },
    (request, reply) => finish(request, reply, (input) => completeWeChatSignIn(ctx, input)),
  );
};
