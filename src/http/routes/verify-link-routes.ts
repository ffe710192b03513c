import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { type Config, publicBaseUrl } from '../../config.ts';
import {
  IssueVerifyLinkRequestSchema,
  IssueVerifyLinkResponseSchema,
  VerifyLinkListSchema,
  VerifyLinkSessionSchema,
  VerifyLinkUploadResponseSchema,
  VerifyTokenRequestSchema,
} from '../../contracts/verify-link-api.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  issueVerifyLink,
  listVerifyLinks,
  openVerifyLink,
  uploadWithVerifyLink,
} from '../../use-cases/verification/verify-links.ts';
import { requireUser } from '../plugins/auth.ts';
import { readSingleUpload, registerMultipart } from '../plugins/multipart-upload.ts';

const IdParams = z.object({ id: z.string().uuid() });

/**
 * Where the phone link points. PUBLIC_BASE_URL when set (always in production): the link goes out by SMS under
 * the provider's name, so a Host header the applicant chose must never become its domain. Without it (development)
 * the address the browser used, so a phone on the same network reaches the machine it was shown on.
 */
export const verifyLinkOrigin = (
  config: Pick<Config, 'PUBLIC_BASE_URL' | 'HOST' | 'PORT'>,
  protocol: string,
  host: string | undefined,
): string =>
  config.PUBLIC_BASE_URL ? publicBaseUrl(config) : `${protocol}://${host ?? `${config.HOST}:${config.PORT}`}`;

/** The applicant side: issue a phone link (QR code / SMS) for one website's responsible person, list the links. */
export const applicantVerifyLinkRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/orders/:id/verify-links',
    {
      config: { access: ['applicant'] },
      schema: {
        tags: ['applicant'],
        summary: 'Issue a short-lived single-use phone link for the authenticity photo (revokes older ones)',
        params: IdParams,
        body: IssueVerifyLinkRequestSchema,
        response: { 201: IssueVerifyLinkResponseSchema },
      },
    },
    async (request, reply) => {
      const origin = verifyLinkOrigin(ctx.config, request.protocol, request.headers.host);
      const issued = await issueVerifyLink(ctx, requireUser(request), {
        orderId: request.params.id,
        websiteIndex: request.body.websiteIndex,
        sendSms: request.body.sendSms,
        origin,
      });
      return reply.status(201).send(issued);
    },
  );

  app.get(
    '/orders/:id/verify-links',
    {
      config: { access: ['applicant', 'sub_account'] },
      schema: { tags: ['applicant'], params: IdParams, response: { 200: VerifyLinkListSchema } },
    },
    async (request) => ({ items: await listVerifyLinks(ctx, requireUser(request), request.params.id) }),
  );
};

export type MobileVerifyRoutesOptions = { ctx: AppContext; rateLimit?: { max: number; timeWindow: string | number } };

/**
 * The phone side, without sign-in: the token is the credential. It comes in the body (JSON or a multipart
 * field), never in the URL, so access logs never hold it. Rate limited per IP in this scope only.
 */
export const mobileVerifyRoutes: FastifyPluginAsyncZod<MobileVerifyRoutesOptions> = async (app, opts) => {
  const { ctx } = opts;
  await app.register(rateLimit, {
    max: opts.rateLimit?.max ?? ctx.config.VERIFY_LINK_RATE_LIMIT,
    timeWindow: opts.rateLimit?.timeWindow ?? '1 minute',
  });
  await registerMultipart(app, { maxBytes: ctx.config.UPLOAD_MAX_BYTES * 5 });

  app.post(
    '/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['mobile-verify'],
        summary: 'Open a phone verification link: the masked person, the order reference, the photo limits',
        body: VerifyTokenRequestSchema,
        response: { 200: VerifyLinkSessionSchema },
      },
    },
    async (request) => openVerifyLink(ctx, request.body.token),
  );

  app.post(
    '/upload',
    {
      config: { access: 'public' },
      schema: {
        tags: ['mobile-verify'],
        summary: 'Upload the verification photo once (multipart: token, kind?, then the file)',
        consumes: ['multipart/form-data'],
        response: { 201: VerifyLinkUploadResponseSchema },
      },
    },
    async (request, reply) => {
      const upload = await readSingleUpload(request);
      const token = upload.fields.token ?? '';
      if (token.length < 20 || token.length > 100) throw new DomainError('VERIFY_LINK_INVALID');
      const saved = await uploadWithVerifyLink(ctx, {
        token,
        kind: upload.fields.kind ?? 'curtain_photo',
        file: upload.file,
      });
      return reply.status(201).send({ ...saved, reencoded: true as const });
    },
  );
};
