import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AuthorizationCodeResponseSchema, IpSchema, ResourceResponseSchema } from '../../contracts/account-api.ts';
import { safeString } from '../../contracts/safe-string.ts';
import type { ResourceInventory } from '../../domain/ports/resource-inventory.ts';
import type { RouteAccess } from '../../domain/roles.ts';
import { applyForCode } from '../../use-cases/authorization-codes/apply-for-code.ts';
import { type AuthorizationCodeView, listCodes } from '../../use-cases/authorization-codes/list-codes.ts';
import { revokeCode } from '../../use-cases/authorization-codes/revoke-code.ts';
import { listResourcesForAccount, type ResourceView } from '../../use-cases/resources/list-resources.ts';
import { requireUser } from '../plugins/auth.ts';

/**
 * The applicant console's "申请授权码" pages (domain.md T13). Sub-accounts act for their parent account, so
 * they may look at its resources and codes, but applying for a code is the owner's decision: sub-accounts can
 * never file (domain.md §2.1), and a code only exists to be used in a filing.
 */
const READ: RouteAccess = ['applicant', 'sub_account'];
const APPLY: RouteAccess = ['applicant'];
const TAGS = ['authorization-codes'];

const toResourceResponse = (r: ResourceView): z.output<typeof ResourceResponseSchema> => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  region: r.region,
  publicIps: r.publicIps,
  billingType: r.billingType,
  expiresAt: r.expiresAt.toISOString(),
  eligible: r.eligible,
  ineligibleReason: r.ineligibleReason,
  ineligibleReasonText: r.ineligibleReasonText,
  ipQuotas: r.ipQuotas,
});

export const toCodeResponse = (c: AuthorizationCodeView): z.output<typeof AuthorizationCodeResponseSchema> => ({
  code: c.code,
  resourceId: c.resourceId,
  publicIp: c.publicIp,
  issuedAt: c.issuedAt.toISOString(),
  expiresAt: c.expiresAt.toISOString(),
  state: c.state,
  orderId: c.orderId,
  inUse: c.inUse,
  filerName: c.filerName,
});

export type ApplicantCodeRoutesOptions = {
  ctx: AppContext;
  /** Defaults to the context's inventory (RESOURCE_INVENTORY). */
  inventory?: ResourceInventory;
};

export const applicantCodeRoutes: FastifyPluginAsyncZod<ApplicantCodeRoutesOptions> = async (
  app,
  { ctx, inventory },
) => {
  // Read at call time: the context's port may be swapped after the routes are registered (tests do).
  const resources = () => inventory ?? ctx.inventory;

  app.get(
    '/resources',
    {
      config: { access: READ, scope: 'orders:read' },
      schema: {
        tags: TAGS,
        summary: 'Resources of the account, each with whether an authorization code can be applied for',
        response: { 200: z.object({ items: z.array(ResourceResponseSchema) }).strict() },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const items = await listResourcesForAccount(ctx.db, resources(), user.accountId, ctx.clock.now());
      return { items: items.map(toResourceResponse) };
    },
  );

  app.get(
    '/authorization-codes',
    {
      config: { access: READ, scope: 'orders:read' },
      schema: {
        tags: TAGS,
        summary: 'Authorization codes of the account, newest first',
        querystring: z.object({ resourceId: safeString().min(1).max(64).optional() }).strict(),
        response: { 200: z.object({ items: z.array(AuthorizationCodeResponseSchema) }).strict() },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const items = await listCodes(ctx, user.accountId, ctx.clock.now(), request.query);
      return { items: items.map(toCodeResponse) };
    },
  );

  app.post(
    '/authorization-codes',
    {
      config: { access: APPLY, scope: 'orders:write' },
      schema: {
        tags: TAGS,
        summary: 'Apply for one authorization code for an eligible resource (one code per call)',
        body: z.object({ resourceId: safeString().min(1).max(64), publicIp: IpSchema.optional() }).strict(),
        response: { 201: AuthorizationCodeResponseSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const code = await applyForCode(ctx.db, resources(), {
        accountId: user.accountId,
        resourceId: request.body.resourceId,
        ...(request.body.publicIp ? { publicIp: request.body.publicIp } : {}),
        now: ctx.clock.now(),
      });
      return reply.status(201).send(toCodeResponse(code));
    },
  );

  app.post(
    '/authorization-codes/:code/revoke',
    {
      // Sub-accounts are listed so they hear the specific reason (SUB_ACCOUNT_READ_ONLY), not a generic refusal.
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: 'Revoke an unused authorization code of the account (409 AUTH_CODE_IN_USE once a filing holds it)',
        params: z.object({ code: z.string().min(1).max(64) }).strict(),
        response: { 200: AuthorizationCodeResponseSchema },
      },
    },
    async (request) => toCodeResponse(await revokeCode(ctx, requireUser(request), request.params.code)),
  );
};
