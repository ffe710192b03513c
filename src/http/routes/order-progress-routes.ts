import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { PublicConfigSchema } from '../../contracts/public-config-api.ts';
import { TimelineResponseSchema } from '../../contracts/timeline-api.ts';
import { getOrderTimeline } from '../../use-cases/orders/order-timeline.ts';
import { publicConfig } from '../../use-cases/orders/public-config.ts';
import { requireUser } from '../plugins/auth.ts';

const OWNERS = ['applicant', 'sub_account'] as const;
const IdParams = z.object({ id: z.string().uuid() });

/** /api/v1/applicant: the history of an order after submission (the order page's timeline). */
export const orderTimelineRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/orders/:id/timeline',
    {
      config: { access: OWNERS, scope: 'orders:read' },
      schema: {
        tags: ['applicant'],
        summary: 'The order’s steps so far: when, which party (by role, never a person), from which state to which',
        params: IdParams,
        response: { 200: TimelineResponseSchema },
      },
    },
    async (request) => getOrderTimeline(ctx, requireUser(request), request.params.id),
  );
};

/** /api/v1/public: deployment facts the browser needs before or without signing in. */
export const publicConfigRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/config',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Where MIIT’s SMS verification page is (the simulator in development) and its limits',
        response: { 200: PublicConfigSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return publicConfig(ctx.config);
    },
  );
};
