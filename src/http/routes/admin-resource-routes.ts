import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { StaffAccessRisksSchema } from '../../contracts/records-api.ts';
import { safeMultilineString, safeString } from '../../contracts/safe-string.ts';
import { AUTH_CODE_STATES } from '../../domain/authorization-code.ts';
import { type RouteAccess, STAFF_ROLES } from '../../domain/roles.ts';
import { listOpenAccessRisks } from '../../use-cases/access-risks/list-access-risks.ts';
import { disableCode } from '../../use-cases/authorization-codes/disable-code.ts';
import { changeResourceLifecycle } from '../../use-cases/resources/change-resource-lifecycle.ts';
import { registerResource } from '../../use-cases/resources/register-resource.ts';
import { requireUser } from '../plugins/auth.ts';

/**
 * Provider-side operations: the inventory stand-in (put a bought resource into an applicant account) and
 * disabling an authorization code (domain.md §3.6 INVALID). Admins only; reviewers judge filings, not billing.
 */
const ADMIN: RouteAccess = ['admin'];
const TAGS = ['admin'];

const IpSchema = z.union([z.ipv4(), z.ipv6()]);

const NewResourceSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/)
      .optional(),
    accountId: z.uuid(),
    kind: z.enum(['server', 'site_builder']),
    name: safeString().trim().min(1).max(100),
    region: safeString().trim().min(1).max(50),
    publicIps: z.array(IpSchema).max(10),
    billingType: z.enum(['prepaid', 'pay_as_you_go']),
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .strict();

const AdminResourceSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    kind: z.enum(['server', 'site_builder']),
    name: z.string(),
    region: z.string(),
    publicIps: z.array(z.string()),
    billingType: z.enum(['prepaid', 'pay_as_you_go']),
    expiresAt: z.iso.datetime(),
    status: z.enum(['running', 'released']),
  })
  .strict();

const LifecycleChangeSchema = z
  .object({
    /** `released` (释放) or back to `running`. */
    status: z.enum(['running', 'released']).optional(),
    /** A new end of the paid term: later to renew (续费), earlier or now to let it lapse. */
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

const InvalidationSchema = z
  .object({
    code: z.string(),
    previousState: z.enum(AUTH_CODE_STATES),
    state: z.enum(AUTH_CODE_STATES),
    /** The order that held the code when it was disabled, if any. */
    orderId: z.string().nullable(),
  })
  .strict();

export const adminResourceRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/resources',
    {
      config: { access: ADMIN },
      schema: {
        tags: TAGS,
        summary: 'Add a resource (server or site-builder plan) to an applicant account',
        body: NewResourceSchema,
        response: { 201: AdminResourceSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { expiresAt, id, ...rest } = request.body;
      const resource = await registerResource(ctx.db, {
        resource: { ...rest, ...(id ? { id } : {}), expiresAt: new Date(expiresAt) },
        actor: { id: user.id, role: user.role },
        now: ctx.clock.now(),
      });
      return reply.status(201).send({ ...resource, expiresAt: resource.expiresAt.toISOString() });
    },
  );

  app.get(
    '/access-risks',
    {
      // Reviewers see it too: a website without access here is something they meet in change orders.
      config: { access: STAFF_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Filed websites whose access resource was released or expired (open risks, oldest first)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict(),
        response: { 200: StaffAccessRisksSchema },
      },
    },
    async (request) => listOpenAccessRisks(ctx, request.query.limit),
  );

  app.post(
    '/resources/:id/lifecycle',
    {
      config: { access: ADMIN },
      schema: {
        tags: TAGS,
        summary: 'Release, restore, renew or expire a resource of the inventory stand-in (RESOURCE_INVENTORY=seeded)',
        params: z.object({ id: safeString().min(1).max(64) }).strict(),
        body: LifecycleChangeSchema,
        response: { 200: AdminResourceSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { status, expiresAt } = request.body;
      const resource = await changeResourceLifecycle(ctx, {
        resourceId: request.params.id,
        change: { ...(status && { status }), ...(expiresAt && { expiresAt: new Date(expiresAt) }) },
        actor: { id: user.id, role: user.role },
      });
      return { ...resource, expiresAt: resource.expiresAt.toISOString() };
    },
  );

  app.post(
    '/authorization-codes/:code/invalidation',
    {
      config: { access: ADMIN },
      schema: {
        tags: TAGS,
        summary: 'Disable an authorization code (unused or in filing); used codes stay used',
        params: z.object({ code: safeString().min(1).max(40) }).strict(),
        body: z
          .object({ reason: safeMultilineString().trim().max(200).optional() })
          .strict()
          // A POST without a body arrives as null.
          .nullish(),
        response: { 200: InvalidationSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return disableCode(ctx.db, {
        code: request.params.code,
        actor: { id: user.id, role: user.role },
        ...(request.body?.reason ? { reason: request.body.reason } : {}),
        now: ctx.clock.now(),
      });
    },
  );
};
