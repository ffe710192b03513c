import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import {
  OrderSummarySchema,
  OrderViewSchema,
  RevealRequestSchema,
  RevealResponseSchema,
  ReviewDecisionRequestSchema,
} from '../../contracts/order-api.ts';
import {
  QueueAssigneesSchema,
  QueueCountsQuerySchema,
  QueueCountsSchema,
  QueuePageSchema,
  QueueQuerySchema,
  QueueSearchRequestSchema,
} from '../../contracts/queue-api.ts';
import { ClaimViewSchema, ReassignRequestSchema, SubmissionChangesSchema } from '../../contracts/review-api.ts';
import { ORDER_STATES } from '../../domain/order-state.ts';
import { STAFF_ROLES } from '../../domain/roles.ts';
import { readMaterial } from '../../use-cases/materials/read-material.ts';
import { listReviewQueue } from '../../use-cases/orders/list-orders.ts';
import { getStaffOrder } from '../../use-cases/orders/order-access.ts';
import { buildOrderView } from '../../use-cases/orders/order-view.ts';
import { countQueues, listQueue, listQueueAssignees } from '../../use-cases/orders/review-queues.ts';
import { decideAuthenticity } from '../../use-cases/review/authenticity.ts';
import { claimOrder, getClaim, reassignClaim, releaseClaim } from '../../use-cases/review/claims.ts';
import { decideProviderReview } from '../../use-cases/review/decide-provider-review.ts';
import { listOrderAudit } from '../../use-cases/review/list-order-audit.ts';
import { revealPersonalData } from '../../use-cases/review/reveal-personal-data.ts';
import { submissionChanges } from '../../use-cases/review/submission-changes.ts';
import { requireUser } from '../plugins/auth.ts';
import { sendMaterial } from './send-material.ts';

const STAFF = STAFF_ROLES;
const IdParams = z.object({ id: z.string().uuid() });
const tags = ['reviewer'];

/** The provider's back office (/api/v1/reviewer): queues, 初审, authenticity review, audited reveal. */
export const reviewerRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Staff see an order from its first submission on (getStaffOrder), never a draft never handed in.
  const view = async (id: string) => buildOrderView(ctx, await getStaffOrder(ctx, id), 'reviewer');

  app.get(
    '/queue',
    {
      config: { access: STAFF, scope: 'queue:read' },
      schema: {
        tags,
        summary: 'A back-office queue (tab), due first on the SLA tabs, paged by cursor; `state` is the older form',
        querystring: QueueQuerySchema.extend({ state: z.enum(ORDER_STATES).optional() }).strict(),
        response: {
          200: z.union([
            QueuePageSchema,
            z.object({ items: z.array(OrderSummarySchema), nextCursor: z.string().nullable() }),
          ]),
        },
      },
    },
    async (request) => {
      const { state, ...query } = request.query;
      // The older form, kept for its clients: one state, oldest submission first, without the SLA fields.
      if (state) {
        return listReviewQueue(ctx, [state], {
          limit: query.limit,
          cursor: query.cursor,
          province: query.province,
          type: query.type,
        });
      }
      return listQueue(ctx, requireUser(request), query);
    },
  );

  app.post(
    '/queue/search',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'A queue searched by order number, domain prefix or exact sponsor name (in the body: personal data)',
        body: QueueSearchRequestSchema,
        response: { 200: QueuePageSchema },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return listQueue(ctx, requireUser(request), request.body);
    },
  );

  app.get(
    '/queue/counts',
    {
      config: { access: STAFF, scope: 'queue:read' },
      schema: {
        tags,
        summary: 'Orders per queue tab under the given filters',
        querystring: QueueCountsQuerySchema,
        response: { 200: QueueCountsSchema },
      },
    },
    async (request) => countQueues(ctx, requireUser(request), request.query),
  );

  app.get(
    '/queue/assignees',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'Staff members a queue can be filtered by', response: { 200: QueueAssigneesSchema } },
    },
    async () => listQueueAssignees(ctx),
  );

  app.get(
    '/orders/:id',
    {
      config: { access: STAFF, scope: 'orders:review:read' },
      schema: { tags, params: IdParams, response: { 200: OrderViewSchema } },
    },
    async (request) => view(request.params.id),
  );

  app.post(
    '/orders/:id/provider-review',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: '初审 decision with field-level reasons',
        params: IdParams,
        body: ReviewDecisionRequestSchema,
        response: { 200: OrderViewSchema },
      },
    },
    async (request) => {
      const order = await decideProviderReview(ctx, requireUser(request), {
        orderId: request.params.id,
        ...request.body,
      });
      return view(order.id);
    },
  );

  app.post(
    '/orders/:id/authenticity-review',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Authenticity verification decision',
        params: IdParams,
        body: ReviewDecisionRequestSchema,
        response: { 200: OrderViewSchema },
      },
    },
    async (request) => {
      const order = await decideAuthenticity(ctx, requireUser(request), {
        orderId: request.params.id,
        ...request.body,
      });
      return view(order.id);
    },
  );

  const claimRoute = {
    config: { access: STAFF },
    schema: { tags, params: IdParams, response: { 200: ClaimViewSchema } },
  };
  app.get('/orders/:id/claim', claimRoute, async (request) => getClaim(ctx, requireUser(request), request.params.id));
  // Claiming again renews the lease: the review screen calls this while it stays open.
  app.post('/orders/:id/claim', claimRoute, async (request) =>
    claimOrder(ctx, requireUser(request), request.params.id),
  );
  app.post('/orders/:id/claim/release', claimRoute, async (request) =>
    releaseClaim(ctx, requireUser(request), request.params.id),
  );
  app.post(
    '/orders/:id/claim/reassign',
    {
      config: { access: ['senior_reviewer', 'admin'] },
      schema: {
        tags,
        summary: 'Hand the order to a colleague (senior reviewers and admins; audited with the reason)',
        params: IdParams,
        body: ReassignRequestSchema,
        response: { 200: ClaimViewSchema },
      },
    },
    async (request) => reassignClaim(ctx, requireUser(request), { orderId: request.params.id, ...request.body }),
  );

  app.post(
    '/orders/:id/reveal',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Show one personal-data field unmasked (reason required, audited)',
        params: IdParams,
        body: RevealRequestSchema,
        response: { 200: RevealResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return revealPersonalData(ctx, requireUser(request), { orderId: request.params.id, ...request.body });
    },
  );

  app.get(
    '/orders/:id/changes',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'A resubmission: the fields changed since the previous submission (masked) and the last reasons',
        params: IdParams,
        response: { 200: SubmissionChangesSchema },
      },
    },
    async (request) => submissionChanges(ctx, request.params.id),
  );

  app.get(
    '/orders/:id/audit',
    {
      config: { access: STAFF },
      schema: {
        tags,
        params: IdParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                at: z.string(),
                actorRole: z.string(),
                action: z.string(),
                fromState: z.string().nullable(),
                toState: z.string().nullable(),
                reason: z.string().nullable(),
                /** The field a reveal showed (a path into the order data); null for other entries. */
                field: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listOrderAudit(ctx, request.params.id) }),
  );

  app.get(
    '/materials/:id/content',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'Open a material (audited)', params: IdParams },
    },
    async (request, reply) => sendMaterial(reply, await readMaterial(ctx, requireUser(request), request.params.id)),
  );
};
