import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import {
  CreateSubAccountRequestSchema,
  LoginRequestSchema,
  RegisterRequestSchema,
  RegistrationAcceptedSchema,
  UserViewSchema,
} from '../../contracts/auth-api.ts';
import { ROLES } from '../../domain/roles.ts';
import { createSubAccount } from '../../use-cases/auth/create-sub-account.ts';
import { login } from '../../use-cases/auth/login.ts';
import { logout } from '../../use-cases/auth/logout.ts';
import { registerApplicant } from '../../use-cases/auth/register-applicant.ts';
import { clearSessionCookie, readSessionCookie, requireUser, setSessionCookie } from '../plugins/auth.ts';

const ANY_ROLE = ROLES;

const REGISTER_DESCRIPTION = [
  'Always answers 202 with the same body, whether the address was new or already registered, so the answer',
  'does not reveal who has an account. A new address gets its applicant account at once: sign in next with',
  'POST /api/v1/auth/login and the same e-mail and password. A taken address is left unchanged and its owner',
  'gets an e-mail saying someone tried to register with it. Input errors (e-mail shape, password policy,',
  'display name) still answer 400. Limited per client IP (REGISTER_RATE_LIMIT a minute, then 429).',
].join(' ');

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Per-IP limits on the two anonymous entry points (scoped to this plugin; other routes are untouched). The
  // per-address lock in login stops guessing one account; this stops one client trying many.
  await app.register(rateLimit, { global: false });
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

  app.post(
    '/register',
    {
      config: { access: 'public', ...perMinute(ctx.config.REGISTER_RATE_LIMIT) },
      schema: {
        tags: ['auth'],
        summary: 'Register an applicant account (neutral answer; sign in next)',
        description: REGISTER_DESCRIPTION,
        body: RegisterRequestSchema,
        response: { 202: RegistrationAcceptedSchema },
      },
    },
    async (request, reply) => reply.code(202).send(await registerApplicant(ctx, request.body)),
  );

  app.post(
    '/login',
    {
      config: { access: 'public', ...perMinute(ctx.config.LOGIN_RATE_LIMIT) },
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the session cookie',
        description:
          'A wrong password, an unknown address and a disabled account answer the same 401. After 5 failures for ' +
          'an address (known or not) it is locked with a growing delay: 429 AUTH_TOO_MANY_ATTEMPTS with ' +
          'Retry-After. Limited per client IP too (LOGIN_RATE_LIMIT a minute, 429 RATE_LIMITED with Retry-After).',
        body: LoginRequestSchema,
        response: { 200: UserViewSchema },
      },
    },
    async (request, reply) => {
      const { sessionId, user } = await login(ctx, {
        ...request.body,
        ip: request.ip,
        previousSessionId: readSessionCookie(request, ctx),
      });
      setSessionCookie(reply, ctx, sessionId);
      return user;
    },
  );

  app.post(
    '/logout',
    {
      config: { access: ANY_ROLE },
      schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const sessionId = readSessionCookie(request, ctx);
      if (sessionId) await logout(ctx, { user: requireUser(request), sessionId, ip: request.ip });
      clearSessionCookie(reply, ctx);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { access: ANY_ROLE },
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: UserViewSchema } },
    },
    async (request) => requireUser(request),
  );

  app.post(
    '/sub-accounts',
    {
      config: { access: ['applicant'] },
      schema: {
        tags: ['auth'],
        summary: 'Create a sub-account under the signed-in applicant',
        body: CreateSubAccountRequestSchema,
        response: { 201: UserViewSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createSubAccount(ctx, { parent: requireUser(request), ...request.body })),
  );
};
