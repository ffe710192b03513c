import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';

/** Arms (or moves) the single pending deadline of a kind for a reference; durable across restarts. */
export async function armDeadline(trx: Kysely<Database>, kind: string, refId: string, dueAt: Date): Promise<void> {
  await trx
    .insertInto('deadlines')
    .values({ id: crypto.randomUUID(), kind, ref_id: refId, due_at: dueAt, attempts: 0 })
    .onConflict((oc) => oc.columns(['kind', 'ref_id']).where('fired_at', 'is', null).doUpdateSet({ due_at: dueAt }))
    .execute();
}

export async function disarmDeadline(trx: Kysely<Database>, kind: string, refId: string): Promise<void> {
  await trx
    .deleteFrom('deadlines')
    .where('kind', '=', kind)
    .where('ref_id', '=', refId)
    .where('fired_at', 'is', null)
    .execute();
}
