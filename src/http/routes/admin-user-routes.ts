import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { DisplayNameSchema, EmailSchema, NewPasswordSchema, UserViewSchema } from '../../contracts/auth-api.ts';
import { createUser } from '../../use-cases/auth/create-user.ts';
import { resetSecondFactor } from '../../use-cases/auth/second-factor.ts';
import { setRealNameVerified } from '../../use-cases/auth/set-real-name-verified.ts';
import { requireUser } from '../plugins/auth.ts';

/** Sub-accounts are made by their applicant (POST /auth/sub-accounts), never by an admin. */
const CreateUserRequestSchema = z
  .object({
    email: EmailSchema,
    password: NewPasswordSchema,
    role: z.enum(['applicant', 'reviewer', 'senior_reviewer', 'admin']),
    displayName: DisplayNameSchema,
    realNameVerified: z.boolean().optional(),
  })
  .strict();
const UserIdParamsSchema = z.object({ id: z.uuid() }).strict();
const SetRealNameVerifiedRequestSchema = z.object({ verified: z.boolean() }).strict();

const ADMIN = ['admin'] as const;

export const adminUserRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/users',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['admin'],
        summary: 'Create an applicant, reviewer or admin account',
        body: CreateUserRequestSchema,
        response: { 201: UserViewSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const user = await createUser(ctx, { ...request.body, actor: { id: actor.id, role: actor.role } });
      return reply.code(201).send(user);
    },
  );

  app.post(
    '/users/:id/real-name-verification',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['admin'],
        summary: "Record the outcome of a user's real-name verification",
        params: UserIdParamsSchema,
        body: SetRealNameVerifiedRequestSchema,
        response: { 200: UserViewSchema },
      },
    },
    async (request) =>
      setRealNameVerified(ctx, { actor: requireUser(request), userId: request.params.id, ...request.body }),
  );

  app.delete(
    '/users/:id/second-factor',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['admin'],
        summary: "Reset a staff member's second factor (lost phone)",
        description:
          "Removes the staff member's authenticator and recovery codes and ends their sessions; their next sign-in " +
          'sets up a new authenticator. Audited. 404 for an unknown user or one who is not staff.',
        params: UserIdParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await resetSecondFactor(ctx, { actor: requireUser(request), userId: request.params.id, ip: request.ip });
      return reply.code(204).send(null);
    },
  );
};
