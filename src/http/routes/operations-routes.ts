import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import {
  CodeLookupRequestSchema,
  CodeLookupSchema,
  NoticeListSchema,
  NoticeSchema,
  ReasonTemplateListSchema,
  ReasonTemplateSchema,
  SaveNoticeSchema,
  SaveReasonTemplateSchema,
  StaffAccountListSchema,
  UpdateStaffAccountSchema,
} from '../../contracts/operations-api.ts';
import { STAFF_ROLES } from '../../domain/roles.ts';
import { lookupAuthorizationCode } from '../../use-cases/operations/lookup-code.ts';
import { allNotices, createNotice, liveNotices, updateNotice } from '../../use-cases/operations/notices.ts';
import { listReasonTemplates, saveReasonTemplate } from '../../use-cases/operations/reason-templates.ts';
import { listStaffAccounts, updateStaffAccount } from '../../use-cases/operations/staff-accounts.ts';
import { requireUser } from '../plugins/auth.ts';

const ADMIN = ['admin'] as const;
const tags = ['admin'];
const IdParams = z.object({ id: z.uuid() }).strict();

/** Back-office operations: reason templates, the notice board, staff accounts, authorization-code lookup. */
export const operationsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/reviewer/reason-templates',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['reviewer'],
        summary: 'Rejection-reason templates (active ones; admins may ask for all)',
        querystring: z.object({ all: z.enum(['true', 'false']).optional() }).strict(),
        response: { 200: ReasonTemplateListSchema },
      },
    },
    async (request) =>
      listReasonTemplates(ctx, {
        includeInactive: request.query.all === 'true' && requireUser(request).role === 'admin',
      }),
  );
  app.put(
    '/admin/reason-templates/:code',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Add or edit a rejection-reason template (audited)',
        params: z.object({ code: ReasonTemplateSchema.shape.code }).strict(),
        body: SaveReasonTemplateSchema,
        response: { 200: ReasonTemplateSchema },
      },
    },
    async (request) => saveReasonTemplate(ctx, requireUser(request), { code: request.params.code, ...request.body }),
  );

  app.get(
    '/public/notices',
    { config: { access: 'public' }, schema: { tags: ['public'], response: { 200: NoticeListSchema } } },
    async () => liveNotices(ctx),
  );
  app.get(
    '/admin/notices',
    { config: { access: ADMIN }, schema: { tags, response: { 200: NoticeListSchema } } },
    async () => allNotices(ctx),
  );
  app.post(
    '/admin/notices',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Publish a notice to applicants',
        body: SaveNoticeSchema,
        response: { 201: NoticeSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createNotice(ctx, requireUser(request), request.body)),
  );
  app.put(
    '/admin/notices/:id',
    {
      config: { access: ADMIN },
      schema: { tags, params: IdParams, body: SaveNoticeSchema, response: { 200: NoticeSchema } },
    },
    async (request) => updateNotice(ctx, requireUser(request), request.params.id, { notice: request.body }),
  );
  app.post(
    '/admin/notices/:id/withdrawal',
    { config: { access: ADMIN }, schema: { tags, params: IdParams, response: { 200: NoticeSchema } } },
    async (request) => updateNotice(ctx, requireUser(request), request.params.id, { withdraw: true }),
  );

  app.get(
    '/admin/staff',
    { config: { access: ADMIN }, schema: { tags, response: { 200: StaffAccountListSchema } } },
    async () => listStaffAccounts(ctx),
  );
  app.patch(
    '/admin/staff/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: "Change a staff member's role or disable them (their sessions end; audited with the reason)",
        params: IdParams,
        body: UpdateStaffAccountSchema,
        response: { 200: z.object({ id: z.string(), sessionsEnded: z.number().int() }) },
      },
    },
    async (request) => updateStaffAccount(ctx, requireUser(request), { userId: request.params.id, ...request.body }),
  );

  app.post(
    '/admin/authorization-codes/lookup',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Look an authorization code up (in the body: a code is a credential, never put in a URL)',
        body: CodeLookupRequestSchema,
        response: { 200: CodeLookupSchema },
      },
    },
    async (request) => lookupAuthorizationCode(ctx, request.body.code),
  );
};
