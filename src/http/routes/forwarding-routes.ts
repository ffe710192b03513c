import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import {
  ForwardingListSchema,
  ForwardingModeResultSchema,
  ForwardRequestSchema,
  ForwardResultSchema,
  OutboxFilterSchema,
  OutboxItemSchema,
  OutboxListSchema,
  RegulatorPanelSchema,
  SetForwardingModeSchema,
} from '../../contracts/forwarding-api.ts';
import { STAFF_ROLES } from '../../domain/roles.ts';
import { forwardOrders, listForwarding, setForwardingMode } from '../../use-cases/regulator/forwarding.ts';
import { listOutbox, regulatorPanel, retryOutbox } from '../../use-cases/regulator/outbox-admin.ts';
import { requireUser } from '../plugins/auth.ts';

const IdParams = z.object({ id: z.string().uuid() });

/** Forwarding approved orders to the regulator (reviewers) and the outbox behind it (admins). */
export const forwardingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['reviewer'];
  app.get(
    '/reviewer/forwarding',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: 'Orders approved by the provider and not yet at the regulator, with their delivery state',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }).strict(),
        response: { 200: ForwardingListSchema },
      },
    },
    async (request) => listForwarding(ctx, request.query),
  );
  app.post(
    '/reviewer/forwarding',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: 'Forward held orders to the regulator now (one or a batch; forwarding twice sends once)',
        body: ForwardRequestSchema,
        response: { 200: ForwardResultSchema },
      },
    },
    async (request) => forwardOrders(ctx, requireUser(request), request.body.orderIds),
  );
  app.put(
    '/reviewer/forwarding/mode',
    {
      config: { access: ['senior_reviewer', 'admin'] },
      schema: {
        tags,
        summary: 'Send approved orders at once (auto) or hold them for a reviewer (manual); audited',
        body: SetForwardingModeSchema,
        response: { 200: ForwardingModeResultSchema },
      },
    },
    async (request) => setForwardingMode(ctx, requireUser(request), request.body.mode),
  );
  app.get(
    '/reviewer/orders/:id/regulator',
    {
      config: { access: STAFF_ROLES },
      schema: { tags, params: IdParams, response: { 200: RegulatorPanelSchema } },
    },
    async (request) => regulatorPanel(ctx, request.params.id),
  );

  app.get(
    '/admin/outbox',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'The outbox: regulator submissions and notifications still owed, with their errors',
        querystring: z
          .object({
            filter: OutboxFilterSchema.default('failing'),
            orderId: z.string().uuid().optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
            before: z.string().uuid().optional(),
          })
          .strict(),
        response: { 200: OutboxListSchema },
      },
    },
    async (request) => listOutbox(ctx, request.query),
  );
  app.post(
    '/admin/outbox/:id/retry',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'Send an outbox row at the next sweep (audited)',
        params: IdParams,
        response: { 200: OutboxItemSchema },
      },
    },
    async (request) => retryOutbox(ctx, requireUser(request), request.params.id),
  );
};
