import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../../adapters/db/audit-log.ts';
import type { Database } from '../../adapters/db/schema.ts';
import { addResource, type NewResource } from '../../adapters/resources/seeded-resource-inventory.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Resource } from '../../domain/ports/resource-inventory.ts';

export type RegisterResourceInput = {
  resource: Omit<NewResource, 'createdAt'>;
  actor: { id: string; role: string };
  now: Date;
};

const invalid = (field: string, message: string) =>
  new DomainError('VALIDATION_FAILED', { details: { issues: [{ field, message }] } });

/**
 * Admin stand-in for the provider's billing system: puts a resource into an applicant account, audited. A public
 * IP is bound to one live resource at a time, so an IP still held by an unexpired resource is refused.
 */
export async function registerResource(db: Kysely<Database>, input: RegisterResourceInput): Promise<Resource> {
  const { resource, actor, now } = input;
  const owner = await db.selectFrom('users').select('role').where('id', '=', resource.accountId).executeTakeFirst();
  // Resources belong to the filing account; sub-accounts act for their parent and staff accounts never file.
  if (owner?.role !== 'applicant') {
    throw new DomainError('NOT_FOUND', { details: { field: 'accountId', accountId: resource.accountId } });
  }
  const ips = [...new Set(resource.publicIps)];
  return db.transaction().execute(async (trx) => {
    if (resource.id) {
      const clash = await trx.selectFrom('resources').select('id').where('id', '=', resource.id).executeTakeFirst();
      if (clash) throw invalid('id', 'a resource with this id exists');
    }
    if (ips.length > 0) {
      const held = await sql<{ ip: string }>`
        SELECT ip FROM resources, jsonb_array_elements_text(public_ips) AS ip
        WHERE expires_at > ${now} AND status = 'running' AND ip = ANY(${ips}::text[])`.execute(trx);
      const first = held.rows[0];
      if (first) throw invalid('publicIps', `${first.ip} is bound to another live resource`);
    }
    const created = await addResource(trx, { ...resource, publicIps: ips, createdAt: now });
    await appendAudit(trx, {
      at: now,
      actorId: actor.id,
      actorRole: actor.role,
      action: 'resource.registered',
      details: { resourceId: created.id, accountId: created.accountId, kind: created.kind, publicIps: ips },
    });
    return created;
  });
}
