import type { Selectable } from 'kysely';
import { appendAudit } from '../../adapters/db/audit-log.ts';
import type { NoticeTable } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import type { Notice, SaveNotice } from '../../contracts/operations-api.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AuthUser } from '../../domain/roles.ts';

const view = (r: Selectable<NoticeTable>): Notice => ({
  id: r.id,
  level: r.level,
  titleZh: r.title_zh,
  titleEn: r.title_en,
  bodyZh: r.body_zh,
  bodyEn: r.body_en,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at?.toISOString() ?? null,
  withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
  updatedAt: r.updated_at.toISOString(),
});

/** What applicants see now: started, not ended, not withdrawn; warnings first, newest first. */
export async function liveNotices(ctx: AppContext) {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .selectFrom('notices')
    .selectAll()
    .where('withdrawn_at', 'is', null)
    .where('starts_at', '<=', now)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .orderBy('level', 'desc')
    .orderBy('starts_at', 'desc')
    .limit(20)
    .execute();
  return { items: rows.map(view) };
}

/** Every notice, newest first, for the admins' board. */
export async function allNotices(ctx: AppContext) {
  const rows = await ctx.db.selectFrom('notices').selectAll().orderBy('created_at', 'desc').limit(200).execute();
  return { items: rows.map(view) };
}

const columns = (n: SaveNotice) => ({
  level: n.level,
  title_zh: n.titleZh,
  title_en: n.titleEn,
  body_zh: n.bodyZh,
  body_en: n.bodyEn,
  starts_at: n.startsAt,
  ends_at: n.endsAt,
});

export async function createNotice(ctx: AppContext, user: AuthUser, n: SaveNotice): Promise<Notice> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('notices')
      .values({ id: crypto.randomUUID(), ...columns(n), created_by: user.id, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'notice.published',
      details: { noticeId: row.id },
    });
    return view(row);
  });
}

/** Edits a notice, or withdraws it (it then disappears from the console at once). */
export async function updateNotice(
  ctx: AppContext,
  user: AuthUser,
  id: string,
  change: { notice: SaveNotice } | { withdraw: true },
): Promise<Notice> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('notices')
      .set({ ...('notice' in change ? columns(change.notice) : { withdrawn_at: now }), updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND');
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'notice' in change ? 'notice.updated' : 'notice.withdrawn',
      details: { noticeId: id },
    });
    return view(row);
  });
}
