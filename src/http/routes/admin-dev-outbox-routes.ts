import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listDevEmailOutbox } from '../../adapters/notifications/email-sender.outbox.ts';
import { listDevSmsOutbox } from '../../adapters/notifications/sms-sender.outbox.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { RouteAccess } from '../../domain/roles.ts';

/**
 * What the development SMS and e-mail adapters "sent" (they stand in for a phone and a mailbox), for demos and
 * manual testing. Admins only, and only while the matching adapter is the outbox: with a real provider these
 * routes answer 404 as if they did not exist. They show recipients unmasked, which is their purpose.
 */
const ADMIN: RouteAccess = ['admin'];
const TAGS = ['admin', 'dev'];

const Query = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

const SmsItemSchema = z
  .object({ id: z.string(), to: z.string(), text: z.string(), idempotencyKey: z.string(), createdAt: z.iso.datetime() })
  .strict();
const EmailItemSchema = SmsItemSchema.extend({ subject: z.string() }).strict();

export const adminDevOutboxRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/dev/sms-outbox',
    {
      config: { access: ADMIN },
      schema: {
        tags: TAGS,
        summary: 'Texts the development SMS outbox received, newest first (SMS_PROVIDER=outbox only)',
        querystring: Query,
        response: { 200: z.object({ items: z.array(SmsItemSchema) }).strict() },
      },
    },
    async (request) => {
      if (ctx.config.SMS_PROVIDER !== 'outbox') throw new DomainError('NOT_FOUND');
      const items = await listDevSmsOutbox(ctx.db, ctx.cipher, request.query.limit);
      return { items: items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })) };
    },
  );

  app.get(
    '/dev/email-outbox',
    {
      config: { access: ADMIN },
      schema: {
        tags: TAGS,
        summary: 'E-mails the development outbox received, newest first (EMAIL_TRANSPORT=outbox only)',
        querystring: Query,
        response: { 200: z.object({ items: z.array(EmailItemSchema) }).strict() },
      },
    },
    async (request) => {
      if (ctx.config.EMAIL_TRANSPORT !== 'outbox') throw new DomainError('NOT_FOUND');
      const items = await listDevEmailOutbox(ctx.db, ctx.cipher, request.query.limit);
      return { items: items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })) };
    },
  );
};
