import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getOrder } from '../../adapters/db/order-repo.ts';
import type { AppContext } from '../../app-context.ts';
import {
  AcceptTermsRequestSchema,
  DetermineTypeResponseSchema,
  OrderSummarySchema,
  OrderViewSchema,
  PrecheckViewSchema,
  RevealRequestSchema,
  RevealResponseSchema,
  SaveOrderDataRequestSchema,
  SaveOrderDataResponseSchema,
  StartOrderRequestSchema,
  VersionRequestSchema,
} from '../../contracts/order-api.ts';
import { AccountRecordsSchema } from '../../contracts/records-api.ts';
import { safeString } from '../../contracts/safe-string.ts';
import { isDomainError } from '../../domain/errors.ts';
import { FILING_TYPE_INFO } from '../../domain/filing-type.ts';
import { runIdempotent } from '../../use-cases/idempotency/run-idempotent.ts';
import { acceptTerms } from '../../use-cases/orders/accept-terms.ts';
import {
  assertMayFile,
  assertRealNameForFiling,
  createOrder,
  determineType,
} from '../../use-cases/orders/create-order.ts';
import { listAccountOrders } from '../../use-cases/orders/list-orders.ts';
import { getOwnOrder } from '../../use-cases/orders/order-access.ts';
import { buildOrderView } from '../../use-cases/orders/order-view.ts';
import { precheckOrder } from '../../use-cases/orders/precheck-order.ts';
import { saveOrderData } from '../../use-cases/orders/save-order-data.ts';
import { findingsForSavedFields } from '../../use-cases/orders/saved-field-findings.ts';
import { abandonOrder, submitOrder } from '../../use-cases/orders/submit-order.ts';
import { getAccountRecords } from '../../use-cases/records/get-account-records.ts';
import { submitAuthenticity } from '../../use-cases/review/authenticity.ts';
import { revealPersonalData } from '../../use-cases/review/reveal-personal-data.ts';
import { requireUser } from '../plugins/auth.ts';

const OWNERS = ['applicant', 'sub_account'] as const;
const FILER = ['applicant'] as const;
const IdParams = z.object({ id: z.string().uuid() });
const IdempotencyHeaders = z.object({ 'idempotency-key': safeString().max(100).optional() });
const tags = ['applicant'];

/** The applicant portal's filing routes (/api/v1/applicant). Sub-accounts may read but never file. */
export const applicantOrderRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const view = async (id: string) => buildOrderView(ctx, await getOrder(ctx.db, ctx.cipher, id), 'applicant');

  app.post(
    '/filing-type',
    {
      config: { access: FILER, scope: 'orders:write' },
      schema: {
        tags,
        summary: 'Determine the filing type for a domain (验证)',
        body: StartOrderRequestSchema.options[0],
        response: { 200: DetermineTypeResponseSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      assertMayFile(user);
      await assertRealNameForFiling(ctx, user);
      const d = await determineType(ctx, user, request.body);
      const info = FILING_TYPE_INFO[d.type];
      return {
        type: d.type,
        typeCode: info.code,
        typeName: { zhCN: info.nameZh, enUS: info.nameEn },
        reason: d.reason,
        domain: d.domain,
        domainFiled: d.determination.domainFiled ?? false,
      };
    },
  );

  app.post(
    '/orders',
    {
      config: { access: FILER, scope: 'orders:write' },
      schema: {
        tags,
        summary: 'Start a filing order; the type is determined by the system (optional Idempotency-Key header)',
        headers: IdempotencyHeaders,
        body: StartOrderRequestSchema,
        response: { 201: OrderViewSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const result = await runIdempotent(
        ctx,
        {
          accountId: user.accountId,
          key: request.headers['idempotency-key'],
          fingerprint: ['POST /orders', request.body],
        },
        {
          run: async (attempt) => {
            const { id } = await createOrder(ctx, user, request.body, { inTransaction: attempt.bind });
            return { status: 201, body: await view(id) };
          },
          // An interrupted attempt made the order: answer with it rather than make another.
          resume: async (id) => ({ status: 201, body: await view(id) }),
        },
      ).catch((error: unknown) => {
        const wait = isDomainError(error) && (error.details as { retryAfterSeconds?: number })?.retryAfterSeconds;
        if (wait) reply.header('retry-after', String(wait));
        throw error;
      });
      return reply.status(201).send(result.body);
    },
  );

  app.get(
    '/orders',
    {
      config: { access: OWNERS, scope: 'orders:read' },
      schema: {
        tags,
        summary: 'The account’s filing orders (备案记录)',
        response: { 200: z.object({ items: z.array(OrderSummarySchema) }) },
      },
    },
    async (request) => ({ items: await listAccountOrders(ctx, requireUser(request).accountId) }),
  );

  app.get(
    '/orders/:id',
    {
      config: { access: OWNERS, scope: 'orders:read' },
      schema: { tags, params: IdParams, response: { 200: OrderViewSchema } },
    },
    async (request) =>
      buildOrderView(ctx, await getOwnOrder(ctx, requireUser(request), request.params.id), 'applicant'),
  );

  app.put(
    '/orders/:id/data',
    {
      config: { access: FILER, scope: 'orders:write' },
      schema: {
        tags,
        summary: 'Save form data (incomplete drafts are kept; `findings` names what is wrong in the fields sent)',
        params: IdParams,
        body: SaveOrderDataRequestSchema,
        response: { 200: SaveOrderDataResponseSchema },
      },
    },
    async (request) => {
      const saved = await saveOrderData(ctx, requireUser(request), { orderId: request.params.id, ...request.body });
      const view = await buildOrderView(ctx, saved, 'applicant');
      const check = view.precheck ?? (await precheckOrder(ctx.db, ctx, saved));
      return { ...view, findings: findingsForSavedFields(check.findings, request.body.data) };
    },
  );

  app.get(
    '/orders/:id/precheck',
    {
      config: { access: OWNERS, scope: 'orders:read' },
      schema: { tags, params: IdParams, response: { 200: PrecheckViewSchema } },
    },
    async (request) => precheckOrder(ctx.db, ctx, await getOwnOrder(ctx, requireUser(request), request.params.id)),
  );

  app.post(
    '/orders/:id/terms',
    {
      config: { access: FILER, scope: 'orders:write' },
      schema: {
        tags,
        summary: 'Accept both agreements',
        params: IdParams,
        body: AcceptTermsRequestSchema,
        response: { 200: OrderViewSchema },
      },
    },
    async (request) => {
      const order = await acceptTerms(ctx, requireUser(request), { orderId: request.params.id, ...request.body });
      return buildOrderView(ctx, order, 'applicant');
    },
  );

  app.post(
    '/orders/:id/submit',
    {
      config: { access: FILER, scope: 'orders:write' },
      schema: {
        tags,
        summary: 'Submit, or resubmit after a rejection (修改信息提交)',
        params: IdParams,
        body: VersionRequestSchema,
        response: { 200: OrderViewSchema },
      },
    },
    async (request) =>
      buildOrderView(
        ctx,
        await submitOrder(ctx, requireUser(request), { orderId: request.params.id, ...request.body }),
        'applicant',
      ),
  );

  app.post(
    '/orders/:id/abandon',
    {
      config: { access: FILER, scope: 'orders:write' },
      schema: {
        tags,
        summary: 'Give up the order (放弃备案)',
        params: IdParams,
        body: VersionRequestSchema,
        response: { 200: OrderViewSchema },
      },
    },
    async (request) =>
      buildOrderView(
        ctx,
        await abandonOrder(ctx, requireUser(request), { orderId: request.params.id, ...request.body }),
        'applicant',
      ),
  );

  app.post(
    '/orders/:id/authenticity',
    {
      config: { access: FILER, scope: 'orders:write' },
      schema: {
        tags,
        summary: 'Hand in the uploaded verification photos/videos',
        params: IdParams,
        response: { 200: OrderViewSchema },
      },
    },
    async (request) =>
      buildOrderView(
        ctx,
        await submitAuthenticity(ctx, requireUser(request), { orderId: request.params.id }),
        'applicant',
      ),
  );

  app.post(
    '/orders/:id/reveal',
    {
      config: { access: OWNERS },
      schema: {
        tags,
        summary: 'Show one personal-data field unmasked (audited)',
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
    '/records',
    {
      config: { access: OWNERS, scope: 'records:read' },
      schema: {
        tags,
        summary: 'Filed subject and websites (备案管理)',
        response: {
          200: AccountRecordsSchema,
        },
      },
    },
    async (request) => getAccountRecords(ctx, requireUser(request)),
  );
};
