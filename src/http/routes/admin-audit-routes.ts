import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import {
  AuditPageSchema,
  AuditQuerySchema,
  AuditSearchRequestSchema,
  AuditVerifyRequestSchema,
  AuditVerifyResponseSchema,
  OVERSIGHT_ROLES,
} from '../../contracts/audit-api.ts';
import { searchAudit } from '../../use-cases/audit/search-audit.ts';
import { verifyAudit } from '../../use-cases/audit/verify-audit.ts';
import { requireUser } from '../plugins/auth.ts';

const OVERSIGHT = OVERSIGHT_ROLES;
const tags = ['admin'];

/** The audit log's search and its hash-chain check (/api/v1/admin/audit). */
export const adminAuditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/audit',
    {
      config: { access: OVERSIGHT },
      schema: {
        tags,
        summary: 'Audit entries newest first, by actor id, order, action prefix and time; keyset paging by id',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema },
      },
    },
    async (request) => searchAudit(ctx, request.query),
  );

  app.post(
    '/audit/search',
    {
      config: { access: OVERSIGHT },
      schema: {
        tags,
        summary: 'The same search with the filters in the body, where the actor may be named by e-mail',
        body: AuditSearchRequestSchema,
        response: { 200: AuditPageSchema },
      },
    },
    async (request) => searchAudit(ctx, request.body),
  );

  app.post(
    '/audit/verify',
    {
      config: { access: OVERSIGHT },
      schema: {
        tags,
        summary: 'Recompute the hash chain (whole or an id range); names the first entry that does not verify',
        body: AuditVerifyRequestSchema,
        response: { 200: AuditVerifyResponseSchema },
      },
    },
    async (request) => verifyAudit(ctx, requireUser(request), request.body),
  );
};
