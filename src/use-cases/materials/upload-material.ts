import { appendAudit } from '../../adapters/db/audit-log.ts';
import { processImageUpload } from '../../adapters/images/process-upload.ts';
import { processVideoUpload } from '../../adapters/images/process-video.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import { notPossibleDetails } from '../../domain/lifecycle/next-step.ts';
import {
  AUTHENTICITY_MATERIAL_KINDS,
  CERTIFICATE_MATERIAL_KINDS,
  MATERIAL_KINDS,
  type MaterialKind,
  PER_WEBSITE_MATERIAL_KINDS,
} from '../../domain/material-kind.ts';
import type { Order } from '../../domain/order.ts';
import { EDITABLE_STATES, type OrderState } from '../../domain/order-state.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { isValidForMoreThanMonths } from '../../domain/validation/index.ts';
import { getOwnOrder } from '../orders/order-access.ts';

const LONG_TERM = '9999-12-31';
const AUTHENTICITY_STATES: readonly OrderState[] = ['pending_authenticity_verification', 'authenticity_rejected'];

export type UploadMaterialInput = {
  orderId: string;
  kind: string;
  websiteIndex?: number;
  /** Certificate expiry 'YYYY-MM-DD' or 'long_term'; required for certificate kinds. */
  validUntil?: string;
  file: AsyncIterable<Uint8Array>;
};

const invalid = (field: string, message: string) =>
  new DomainError('VALIDATION_FAILED', { details: { issues: [{ field, message }] } });

/** The states in which an order accepts this kind: filing materials while editable, photos for verification. */
function uploadStates(order: Order, kind: MaterialKind): readonly OrderState[] {
  if (!AUTHENTICITY_MATERIAL_KINDS.includes(kind)) return EDITABLE_STATES;
  return order.verificationStage === 'before_submit'
    ? [...EDITABLE_STATES, ...AUTHENTICITY_STATES]
    : AUTHENTICITY_STATES;
}

/** The order takes a verification photo/video now (its type verifies, and the state accepts the upload). */
export const acceptsAuthenticityUpload = (order: Order): boolean =>
  uploadStates(order, 'curtain_photo').includes(order.state);

/**
 * An upload the state does not accept names the state and what must happen first (issue 6 #3). Removing a
 * material follows the same rule: it is possible exactly while the material could be replaced.
 */
export function assertUploadAllowed(
  order: Order,
  kind: MaterialKind,
  action: 'upload_material' | 'remove_material' = 'upload_material',
): void {
  const allowedIn = uploadStates(order, kind);
  if (allowedIn.includes(order.state)) return;
  throw new DomainError('ORDER_TRANSITION_NOT_ALLOWED', {
    details: { ...notPossibleDetails(order.state, action, allowedIn), kind },
  });
}

/**
 * Stores one material image (or the verification video): checked by content, re-encoded without metadata,
 * encrypted at rest under a server-generated key. A newer upload of the same slot supersedes the older one.
 */
export async function uploadMaterial(ctx: AppContext, user: AuthUser, input: UploadMaterialInput) {
  const order = await getOwnOrder(ctx, user, input.orderId);
  return storeMaterial(ctx, order, { id: user.id, role: user.role }, input);
}

/** Who stored a material, for the audit trail; `via` names a channel other than the signed-in portal. */
export type MaterialActor = { id: string; role: string; via?: 'phone_link' };

/** The upload itself, for an order already loaded and checked (the portal, or a phone verification link). */
export async function storeMaterial(
  ctx: AppContext,
  order: Order,
  actor: MaterialActor,
  input: Omit<UploadMaterialInput, 'orderId'>,
) {
  if (!MATERIAL_KINDS.includes(input.kind as MaterialKind)) throw invalid('kind', 'unknown material kind');
  const kind = input.kind as MaterialKind;
  assertUploadAllowed(order, kind);

  const perWebsite = PER_WEBSITE_MATERIAL_KINDS.includes(kind);
  const websiteCount = Math.max(order.data.websites.length, order.targetWebsiteIds.length);
  if (
    perWebsite &&
    (input.websiteIndex === undefined || input.websiteIndex < 0 || input.websiteIndex >= websiteCount)
  ) {
    throw invalid('websiteIndex', 'required for this kind and must point at a website of the order');
  }
  let validUntil: string | null = null;
  if (CERTIFICATE_MATERIAL_KINDS.includes(kind)) {
    if (!input.validUntil || !/^(\d{4}-\d{2}-\d{2}|long_term)$/.test(input.validUntil)) {
      throw invalid('validUntil', 'certificate expiry date YYYY-MM-DD or long_term is required');
    }
    if (!isValidForMoreThanMonths(input.validUntil, ctx.clock.now(), 3))
      throw new DomainError('MATERIAL_EXPIRES_TOO_SOON');
    validUntil = input.validUntil === 'long_term' ? LONG_TERM : input.validUntil;
  }

  const limits = { maxBytes: ctx.config.UPLOAD_MAX_BYTES, maxPixels: ctx.config.UPLOAD_MAX_PIXELS };
  const processed =
    kind === 'e_verify_video'
      ? await processVideoUpload(input.file, { maxBytes: limits.maxBytes * 5 })
      : await processImageUpload(input.file, limits);
  const id = crypto.randomUUID();
  const storageKey = `materials/${order.id}/${id}`;
  // Bytes first, row second: a crash in between leaves an unreferenced object, never a row without bytes.
  await ctx.storage.put(storageKey, processed.bytes, processed.contentType);

  const now = ctx.clock.now();
  const websiteIndex = perWebsite ? (input.websiteIndex ?? null) : null;
  await ctx.db.transaction().execute(async (trx) => {
    let previous = trx
      .updateTable('materials')
      .set({ status: 'superseded' })
      .where('order_id', '=', order.id)
      .where('kind', '=', kind)
      .where('status', '=', 'active');
    previous =
      websiteIndex === null
        ? previous.where('website_index', 'is', null)
        : previous.where('website_index', '=', websiteIndex);
    await previous.execute();
    await trx
      .insertInto('materials')
      .values({
        id,
        order_id: order.id,
        account_id: order.accountId,
        kind,
        website_index: websiteIndex,
        storage_key: storageKey,
        content_type: processed.contentType,
        byte_size: processed.bytes.length,
        sha256: processed.sha256,
        width: 'width' in processed ? processed.width : null,
        height: 'height' in processed ? processed.height : null,
        valid_until: validUntil,
        status: 'active',
        created_at: now,
      })
      .execute();
    await appendAudit(trx, {
      at: now,
      actorId: actor.id,
      actorRole: actor.role,
      action: 'material.uploaded',
      orderId: order.id,
      details: { materialId: id, kind, websiteIndex, ...(actor.via && { via: actor.via }) },
    });
  });
  return {
    id,
    kind,
    websiteIndex,
    contentType: processed.contentType,
    byteSize: processed.bytes.length,
    validUntil,
    createdAt: now,
  };
}
