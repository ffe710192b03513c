import { appendAudit } from '../../adapters/db/audit-log.ts';
import type { AppContext } from '../../app-context.ts';
import type { ReasonTemplate } from '../../contracts/operations-api.ts';
import type { AuthUser } from '../../domain/roles.ts';

/** The rejection-reason templates, in the admins' order; reviewers get the active ones only. */
export async function listReasonTemplates(ctx: AppContext, opts: { includeInactive: boolean }) {
  let q = ctx.db.selectFrom('reason_templates').select(['code', 'scope', 'zh', 'en', 'active', 'sort']);
  if (!opts.includeInactive) q = q.where('active', '=', true);
  return { items: await q.orderBy('sort').orderBy('code').execute() };
}

/** Adds or edits a template; the code is the stable key reasons carry, so it never changes once used. */
export async function saveReasonTemplate(ctx: AppContext, user: AuthUser, t: ReasonTemplate): Promise<ReasonTemplate> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('reason_templates')
      .select('code')
      .where('code', '=', t.code)
      .executeTakeFirst();
    const values = {
      scope: t.scope,
      zh: t.zh,
      en: t.en,
      active: t.active,
      sort: t.sort,
      updated_by: user.id,
      updated_at: now,
    };
    await trx
      .insertInto('reason_templates')
      .values({ code: t.code, ...values })
      .onConflict((oc) => oc.column('code').doUpdateSet(values))
      .execute();
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: before ? 'reason_template.updated' : 'reason_template.created',
      details: { code: t.code, active: t.active },
    });
    return t;
  });
}
