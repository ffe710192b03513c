import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { OVERSIGHT_ROLES } from '../../contracts/audit-api.ts';
import { InsightsQuerySchema, InsightsSchema } from '../../contracts/insights-api.ts';
import { getInsights } from '../../use-cases/insights/get-insights.ts';

/** The back office dashboard (/api/v1/admin/insights). */
export const adminInsightsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/insights',
    {
      config: { access: OVERSIGHT_ROLES },
      schema: {
        tags: ['admin'],
        summary: 'Orders submitted and decided, pass rates and stage durations (working days) per group',
        querystring: InsightsQuerySchema,
        response: { 200: InsightsSchema },
      },
    },
    async (request) =>
      getInsights(ctx, {
        from: new Date(request.query.from),
        to: new Date(request.query.to),
        groupBy: request.query.groupBy,
      }),
  );
};
