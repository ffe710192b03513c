import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { appendAudit } from '../../adapters/db/audit-log.ts';
import { getOrder } from '../../adapters/db/order-repo.ts';
import type { VerifyLinkTable } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import { ACCEPTED_IMAGE_TYPES } from '../../contracts/material-api.ts';
import type { IssuedVerifyLink, VerifyLinkSession } from '../../contracts/verify-link-api.ts';
import { DomainError } from '../../domain/errors.ts';
import { FILING_TYPE_INFO } from '../../domain/filing-type.ts';
import type { Order } from '../../domain/order.ts';
import { maskMobile, maskName } from '../../domain/privacy/mask.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { acceptsAuthenticityUpload, storeMaterial } from '../materials/upload-material.ts';
import { releaseSmsSlot, reserveSmsSlot } from '../notifications/sms-rate-limit.ts';
import { getOwnOrder } from '../orders/order-access.ts';

/**
 * Phone links for the authenticity photo (issue 7 item 5). The applicant issues a link for one website's
 * responsible person; the link carries a random 256-bit token in its fragment. Only the token's SHA-256 is
 * stored. The link expires after VERIFY_LINK_TTL_MINUTES, is revoked by a newer link for the same website, and
 * takes exactly one successful upload.
 */
export const hashVerifyToken = (token: string): string => createHash('sha256').update(token).digest('hex');

type LinkRow = Selectable<VerifyLinkTable>;

const ttlMs = (ctx: AppContext) => ctx.config.VERIFY_LINK_TTL_MINUTES * 60_000;

/** The website responsible person of website `i` (or the subject's, when the website says "same as subject"). */
function websitePerson(order: Order, i: number) {
  const w = order.data.websites[i];
  return w?.responsiblePerson ?? (w?.sameAsSubjectResponsible ? order.data.subject?.responsiblePerson : undefined);
}

function assertVerifiable(order: Order, websiteIndex: number): void {
  if (!FILING_TYPE_INFO[order.type].needsAuthenticityVerification || !acceptsAuthenticityUpload(order)) {
    throw new DomainError('VERIFY_NOT_NEEDED', { details: { state: order.state } });
  }
  if (websiteIndex >= order.data.websites.length) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { issues: [{ field: 'websiteIndex', message: 'must point at a website of the order' }] },
    });
  }
}

/** Creates a new link (revoking older ones for the same website) and, if asked, texts it to the person. */
export async function issueVerifyLink(
  ctx: AppContext,
  user: AuthUser,
  input: { orderId: string; websiteIndex: number; sendSms: boolean; origin: string },
): Promise<IssuedVerifyLink> {
  const order = await getOwnOrder(ctx, user, input.orderId);
  assertVerifiable(order, input.websiteIndex);
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ttlMs(ctx));
  const id = crypto.randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('verify_links')
      .set({ revoked_at: now })
      .where('order_id', '=', order.id)
      .where('website_index', '=', input.websiteIndex)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .insertInto('verify_links')
      .values({
        id,
        token_hash: hashVerifyToken(token),
        order_id: order.id,
        account_id: order.accountId,
        issued_by: user.id,
        website_index: input.websiteIndex,
        expires_at: expiresAt,
        created_at: now,
      })
      .execute();
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'verify_link.issued',
      orderId: order.id,
      details: { linkId: id, websiteIndex: input.websiteIndex, sms: input.sendSms },
    });
  });
  const url = `${input.origin}/m/verify#${token}`;
  const mobile = websitePerson(order, input.websiteIndex)?.mobile ?? null;
  let sms: IssuedVerifyLink['sms'] = 'not_requested';
  if (input.sendSms) {
    sms = await textLink(ctx, mobile, url, id);
    if (sms === 'sent') await ctx.db.updateTable('verify_links').set({ sms_sent: true }).where('id', '=', id).execute();
  }
  return {
    url,
    token,
    websiteIndex: input.websiteIndex,
    expiresAt: expiresAt.toISOString(),
    ttlSeconds: Math.round(ttlMs(ctx) / 1000),
    mobileMasked: mobile ? maskMobile(mobile) : null,
    sms,
  };
}

/** The same per-phone allowance as every other text of the platform (sms-rate-limit.ts). */
async function textLink(ctx: AppContext, mobile: string | null, url: string, linkId: string) {
  if (!mobile) return 'no_phone' as const;
  const slot = await reserveSmsSlot(ctx, mobile);
  if (!slot) return 'rate_limited' as const;
  const minutes = ctx.config.VERIFY_LINK_TTL_MINUTES;
  try {
    await ctx.sms.send({
      to: mobile,
      text: `【备案】请用手机打开链接完成网站负责人真实性核验拍照，${minutes}分钟内有效，仅可使用一次：${url} 如非本人操作请忽略。`,
      idempotencyKey: `verify-link:${linkId}`,
    });
    return 'sent' as const;
  } catch {
    await releaseSmsSlot(ctx, slot);
    return 'failed' as const;
  }
}

const stateOf = (r: LinkRow, now: Date) =>
  r.used_at
    ? ('used' as const)
    : r.revoked_at
      ? ('revoked' as const)
      : r.expires_at.getTime() <= now.getTime()
        ? ('expired' as const)
        : r.opened_at
          ? ('opened' as const)
          : ('active' as const);

/** The order's links, newest first, so the desktop can show "opened on the phone". */
export async function listVerifyLinks(ctx: AppContext, user: AuthUser, orderId: string) {
  const order = await getOwnOrder(ctx, user, orderId);
  const rows = (await ctx.db
    .selectFrom('verify_links')
    .selectAll()
    .where('order_id', '=', order.id)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute()) as LinkRow[];
  const now = ctx.clock.now();
  return rows.map((r) => ({
    id: r.id,
    websiteIndex: r.website_index,
    state: stateOf(r, now),
    expiresAt: r.expires_at.toISOString(),
    openedAt: r.opened_at?.toISOString() ?? null,
    usedAt: r.used_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  }));
}

/** Finds a usable link or says exactly why not (unknown, revoked or expired, already used). */
async function usableLink(ctx: AppContext, token: string): Promise<LinkRow> {
  const row = (await ctx.db
    .selectFrom('verify_links')
    .selectAll()
    .where('token_hash', '=', hashVerifyToken(token))
    .executeTakeFirst()) as LinkRow | undefined;
  if (!row) throw new DomainError('VERIFY_LINK_INVALID');
  const state = stateOf(row, ctx.clock.now());
  if (state === 'used') throw new DomainError('VERIFY_LINK_USED');
  if (state === 'expired' || state === 'revoked') throw new DomainError('VERIFY_LINK_EXPIRED');
  return row;
}

/** Opens a link on the phone: what the page shows (masked), without using the link up. */
export async function openVerifyLink(ctx: AppContext, token: string): Promise<VerifyLinkSession> {
  const link = await usableLink(ctx, token);
  const order = await getOrder(ctx.db, ctx.cipher, link.order_id);
  assertVerifiable(order, link.website_index);
  if (!link.opened_at) {
    await ctx.db
      .updateTable('verify_links')
      .set({ opened_at: ctx.clock.now() })
      .where('id', '=', link.id)
      .where('opened_at', 'is', null)
      .execute();
  }
  const person = websitePerson(order, link.website_index);
  return {
    orderRef: order.id.slice(0, 8).toUpperCase(),
    domain: order.data.websites[link.website_index]?.domain ?? null,
    websiteIndex: link.website_index,
    personNameMasked: person?.name ? maskName(person.name) : null,
    expiresAt: link.expires_at.toISOString(),
    kind: 'curtain_photo',
    maxImageBytes: ctx.config.UPLOAD_MAX_BYTES,
    acceptedTypes: [...ACCEPTED_IMAGE_TYPES],
  };
}

/**
 * The one upload a link allows. The link is claimed first (a conditional update, so two phones racing cannot
 * both use it) and given back if the photo is refused (too large, not an image), so the person can try again
 * with a better one while the link is still valid.
 */
export async function uploadWithVerifyLink(
  ctx: AppContext,
  input: { token: string; kind: string; file: AsyncIterable<Uint8Array> },
) {
  const link = await usableLink(ctx, input.token);
  const order = await getOrder(ctx.db, ctx.cipher, link.order_id);
  assertVerifiable(order, link.website_index);
  if (input.kind !== 'curtain_photo' && input.kind !== 'e_verify_video') {
    throw new DomainError('VALIDATION_FAILED', {
      details: { issues: [{ field: 'kind', message: 'curtain_photo or e_verify_video' }] },
    });
  }
  const now = ctx.clock.now();
  const claimed = await ctx.db
    .updateTable('verify_links')
    .set({ used_at: now, opened_at: link.opened_at ?? now })
    .where('id', '=', link.id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('id')
    .executeTakeFirst();
  if (!claimed) throw new DomainError('VERIFY_LINK_USED');
  try {
    const saved = await storeMaterial(
      ctx,
      order,
      { id: link.issued_by, role: 'applicant', via: 'phone_link' },
      { kind: input.kind, websiteIndex: link.website_index, file: input.file },
    );
    await ctx.db.updateTable('verify_links').set({ material_id: saved.id }).where('id', '=', link.id).execute();
    return { received: true as const, kind: saved.kind, contentType: saved.contentType, byteSize: saved.byteSize };
  } catch (e) {
    await ctx.db.updateTable('verify_links').set({ used_at: null }).where('id', '=', link.id).execute();
    throw e;
  }
}
