import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { safeString } from '../../contracts/safe-string.ts';
import { ROLES } from '../../domain/roles.ts';
import { createSubAccount } from '../../use-cases/auth/create-sub-account.ts';
import { login } from '../../use-cases/auth/login.ts';
import { logout } from '../../use-cases/auth/logout.ts';
import { registerApplicant } from '../../use-cases/auth/register-applicant.ts';
import { clearSessionCookie, readSessionCookie, requireUser, setSessionCookie } from '../plugins/auth.ts';

/** The account as its owner and admins see it. Never includes the password hash or lockout counters. */
export const UserViewSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(ROLES),
  displayName: z.string(),
  accountId: z.uuid(),
  realNameVerified: z.boolean(),
});

export const EmailSchema = z.email().max(254);
/** Length and strength are checked by the password policy, which names the rule that failed. */
export const NewPasswordSchema = z.string().min(1).max(1024);
export const DisplayNameSchema = safeString().trim().min(1).max(50);

const RegisterRequestSchema = z
  .object({ email: EmailSchema, password: NewPasswordSchema, displayName: DisplayNameSchema })
  .strict();
const LoginRequestSchema = z.object({ email: safeString().max(254), password: z.string().max(1024) }).strict();
const CreateSubAccountRequestSchema = RegisterRequestSchema;

const ANY_ROLE = ROLES;

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/register',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Register an applicant account',
        body: RegisterRequestSchema,
        response: { 201: UserViewSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await registerApplicant(ctx, request.body)),
  );

  app.post(
    '/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the session cookie',
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
