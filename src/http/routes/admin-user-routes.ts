import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { DisplayNameSchema, EmailSchema, NewPasswordSchema, UserViewSchema } from '../../contracts/auth-api.ts';
import { safeString } from '../../contracts/safe-string.ts';
import { PERSON_ID_TYPES } from '../../domain/filing-data.ts';
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
/**
 * The identity the provider's 实名认证 established (stand-in registry, REAL_NAME_REGISTRY=seeded): an individual
 * (name, document type and number) or a unit (name and 统一社会信用代码). Stored encrypted; never echoed back.
 */
const RealNameIdentityRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('individual'),
      name: safeString().trim().min(1).max(50),
      idType: z.enum(PERSON_ID_TYPES),
      idNumber: safeString().trim().min(1).max(40),
    })
    .strict(),
  z
    .object({
      kind: z.literal('unit'),
      name: safeString().trim().min(1).max(100),
      uscc: safeString().trim().min(1).max(40),
    })
    .strict(),
]);
const SetRealNameVerifiedRequestSchema = z
  .object({
    verified: z.boolean(),
    /**
     * Who the account was verified as. Outside production it may be left out: the account then takes the subject
     * it files as its identity (stand-in behaviour). In production a verified account needs it to file.
     */
    identity: RealNameIdentityRequestSchema.optional(),
  })
  .strict();

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
        summary: "Record the outcome of a user's real-name verification (and, optionally, who it verified)",
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
