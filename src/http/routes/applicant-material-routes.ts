import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { MaterialViewSchema } from '../../contracts/order-api.ts';
import { listMaterials, readMaterial } from '../../use-cases/materials/read-material.ts';
import { removeMaterial } from '../../use-cases/materials/remove-material.ts';
import { uploadMaterial } from '../../use-cases/materials/upload-material.ts';
import { getOwnOrder } from '../../use-cases/orders/order-access.ts';
import { requireUser } from '../plugins/auth.ts';
import { readSingleUpload, registerMultipart } from '../plugins/multipart-upload.ts';
import { sendMaterial } from './send-material.ts';

const IdParams = z.object({ id: z.string().uuid() });
const tags = ['applicant'];

/** Uploads and downloads of an order's materials. Multipart is registered only in this scope (it costs). */
export const applicantMaterialRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Videos for electronic verification may be larger than images.
  await registerMultipart(app, { maxBytes: ctx.config.UPLOAD_MAX_BYTES * 5 });

  app.post(
    '/orders/:id/materials',
    {
      config: { access: ['applicant'], scope: 'orders:write' },
      schema: {
        tags,
        summary: 'Upload one material (multipart: fields kind, websiteIndex?, validUntil?, then the file)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: MaterialViewSchema },
      },
    },
    async (request, reply) => {
      const upload = await readSingleUpload(request);
      const websiteIndex = upload.fields.websiteIndex === undefined ? undefined : Number(upload.fields.websiteIndex);
      const saved = await uploadMaterial(ctx, requireUser(request), {
        orderId: request.params.id,
        kind: upload.fields.kind ?? '',
        ...(websiteIndex !== undefined && Number.isInteger(websiteIndex) && { websiteIndex }),
        ...(upload.fields.validUntil && { validUntil: upload.fields.validUntil }),
        file: upload.file,
      });
      return reply.status(201).send({ ...saved, createdAt: saved.createdAt.toISOString() });
    },
  );

  app.delete(
    '/orders/:id/materials/:materialId',
    {
      config: { access: ['applicant'], scope: 'orders:write' },
      schema: {
        tags,
        summary: 'Remove one material while the order still takes uploads of it (audited; the pre-check asks again)',
        params: z.object({ id: z.string().uuid(), materialId: z.string().uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeMaterial(ctx, requireUser(request), {
        orderId: request.params.id,
        materialId: request.params.materialId,
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/orders/:id/materials',
    {
      config: { access: ['applicant', 'sub_account'], scope: 'orders:read' },
      schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(MaterialViewSchema) }) } },
    },
    async (request) => {
      const order = await getOwnOrder(ctx, requireUser(request), request.params.id);
      return { items: await listMaterials(ctx, order.id) };
    },
  );

  app.get(
    '/materials/:id/content',
    {
      config: { access: ['applicant', 'sub_account'] },
      schema: { tags, summary: 'Download a material (attachment)', params: IdParams },
    },
    async (request, reply) => sendMaterial(reply, await readMaterial(ctx, requireUser(request), request.params.id)),
  );
};
