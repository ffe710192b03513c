import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../adapters/db/audit-log.ts';
import { listDevEmailOutbox } from '../../adapters/notifications/email-sender.outbox.ts';
import { listDevSmsOutbox } from '../../adapters/notifications/sms-sender.outbox.ts';
import type { AppContext } from '../../app-context.ts';
import { devOutboxEnabled } from '../../config.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AuthUser, RouteAccess } from '../../domain/roles.ts';
import { requireUser } from '../plugins/auth.ts';

/**
 * What the development SMS and e-mail adapters "sent" (they stand in for a phone and a mailbox), for demos and
 * manual testing. Admins only, and only while the matching adapter is the outbox and outboxes are enabled
 * (DEV_OUTBOX_ENABLED, refused in production unless set explicitly): otherwise these routes answer 404 as if
 * they did not exist. They show recipients unmasked, which is their purpose, so every listing is audited.
 */
const ADMIN: RouteAccess = ['admin'];
const TAGS = ['admin', 'dev'];

const Query = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

const SmsItemSchema = z
  .object({ id: z.string(), to: z.string(), text: z.string(), idempotencyKey: z.string(), createdAt: z.iso.datetime() })
  .strict();
const EmailItemSchema = SmsItemSchema.extend({ subject: z.string() }).strict();

const auditListing = (ctx: AppContext, user: AuthUser, outbox: 'sms' | 'email') =>
  ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: ctx.clock.now(),
      actorId: user.id,
      actorRole: user.role,
      action: 'dev_outbox.listed',
      details: { outbox },
    }),
  );

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
      if (ctx.config.SMS_PROVIDER !== 'outbox' || !devOutboxEnabled(ctx.config)) throw new DomainError('NOT_FOUND');
      await auditListing(ctx, requireUser(request), 'sms');
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
      if (ctx.config.EMAIL_TRANSPORT !== 'outbox' || !devOutboxEnabled(ctx.config)) throw new DomainError('NOT_FOUND');
      await auditListing(ctx, requireUser(request), 'email');
      const items = await listDevEmailOutbox(ctx.db, ctx.cipher, request.query.limit);
      return { items: items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })) };
    },
  );
};
