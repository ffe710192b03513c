import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { InboxItemSchema } from '../../contracts/account-api.ts';
import type { RouteAccess } from '../../domain/roles.ts';
import { type InboxItem, listInbox, markRead } from '../../use-cases/notifications/inbox.ts';
import { requireUser } from '../plugins/auth.ts';

/**
 * The applicant's in-app inbox: the same messages as SMS and e-mail (rejections with reasons, SMS window,
 * approval numbers, code expiry). Sub-accounts act for the parent account and share its inbox.
 */
const READ: RouteAccess = ['applicant', 'sub_account'];
const TAGS = ['notifications'];

const toItem = (i: InboxItem): z.output<typeof InboxItemSchema> => ({
  ...i,
  createdAt: i.createdAt.toISOString(),
  readAt: i.readAt?.toISOString() ?? null,
});

export const applicantNotificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/notifications',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: 'The account inbox, newest first, with the number of unread items',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict(),
        response: { 200: z.object({ items: z.array(InboxItemSchema), unreadCount: z.number().int() }).strict() },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const inbox = await listInbox(ctx, user.accountId, request.query.limit);
      return { items: inbox.items.map(toItem), unreadCount: inbox.unreadCount };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: 'Mark one inbox item read (idempotent; the applicant only, sub-accounts are read-only)',
        params: z.object({ id: z.uuid() }).strict(),
        response: { 200: z.object({ id: z.string(), readAt: z.iso.datetime() }).strict() },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { readAt } = await markRead(ctx, user, request.params.id);
      return { id: request.params.id, readAt: readAt.toISOString() };
    },
  );
};
