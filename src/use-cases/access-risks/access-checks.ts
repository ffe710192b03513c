import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';

/**
 * The rows the access sweep runs on (migration 0016): a filed website is due for a look at its access resource
 * at once when it is filed or its access data changes, then every ACCESS_CHECK_INTERVAL_HOURS.
 */
export async function scheduleAccessCheck(trx: Kysely<Database>, websiteIds: readonly string[], now: Date) {
  if (websiteIds.length === 0) return;
  await trx
    .insertInto('website_access_checks')
    .values(websiteIds.map((id) => ({ website_id: id, next_check_at: now, checked_at: now })))
    .onConflict((oc) => oc.column('website_id').doUpdateSet({ next_check_at: now }))
    .execute();
}

/**
 * The website's access here ended (取消接入, 网站注销, 主体注销 approved): nothing left to watch, and an open risk
 * is resolved — the applicant did what the warning asked.
 */
export async function endAccessWatch(trx: Kysely<Database>, websiteIds: readonly string[], now: Date) {
  if (websiteIds.length === 0) return;
  await trx
    .updateTable('website_access_risks')
    .set({ resolved_at: now, resolution: 'access_ended' })
    .where('website_id', 'in', [...websiteIds])
    .where('resolved_at', 'is', null)
    .execute();
  await trx
    .deleteFrom('website_access_checks')
    .where('website_id', 'in', [...websiteIds])
    .execute();
}
