import { type Kysely, sql } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import {
  CODES_PER_PUBLIC_IP,
  codeExpiry,
  generateCode,
  type RandomBytes,
  resourceEligibility,
} from '../../domain/authorization-code.ts';
import { DomainError } from '../../domain/errors.ts';
import type { ResourceInventory } from '../../domain/ports/resource-inventory.ts';
import { armAuthorizationCodeReminder } from '../notifications/reminder-deadlines.ts';
import { type AuthorizationCodeView, toCodeView } from './list-codes.ts';

/** The durable timer that turns an unused code invalid on its expiry date (see expireCode). */
export const CODE_EXPIRY_DEADLINE = 'authorization_code_expiry';

export type ApplyForCodeInput = {
  accountId: string;
  resourceId: string;
  /** One of the resource's public IPs; the first one when omitted. */
  publicIp?: string;
  now: Date;
};

const defaultRandom: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

/** Codes on this IP that still take a slot: everything except invalid ones and unused ones past their date. */
export async function countActiveCodesForIp(db: Kysely<Database>, publicIp: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('authorization_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('public_ip', '=', publicIp)
    .where('state', '!=', 'invalid')
    .where((eb) => eb.not(eb.and([eb('state', '=', 'unused'), eb('expires_at', '<=', now)])))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * One click, one code (domain.md T13). The limit is counted across all accounts, because a public IP may have
 * served another account before. An advisory lock per IP serialises concurrent applications for the same IP so
 * two clicks cannot both take the fifth slot; the code and its expiry timer are written in one transaction.
 */
export async function applyForCode(
  db: Kysely<Database>,
  inventory: ResourceInventory,
  input: ApplyForCodeInput,
  randomBytes: RandomBytes = defaultRandom,
): Promise<AuthorizationCodeView> {
  const resource = await inventory.get(input.resourceId);
  // Another account's resource reads as missing: its existence is none of the caller's business; so does a
  // released one, which no longer exists for its former owner.
  if (!resource || resource.accountId !== input.accountId || resource.status !== 'running') {
    throw new DomainError('NOT_FOUND', { details: { resourceId: input.resourceId } });
  }
  const eligibility = resourceEligibility(resource, input.now);
  if (!eligibility.eligible) {
    throw new DomainError('AUTH_CODE_NOT_ELIGIBLE', {
      details: { resourceId: resource.id, reason: eligibility.reason },
    });
  }
  const publicIp = input.publicIp ?? resource.publicIps[0]!;
  if (!resource.publicIps.includes(publicIp)) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { issues: [{ field: 'publicIp', message: 'not bound to this resource' }] },
    });
  }

  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`authorization_code_ip:${publicIp}`}))`.execute(trx);
    const active = await countActiveCodesForIp(trx, publicIp, input.now);
    if (active >= CODES_PER_PUBLIC_IP) {
      throw new DomainError('AUTH_CODE_LIMIT_REACHED', {
        details: { publicIp, limit: CODES_PER_PUBLIC_IP, active },
      });
    }
    const expiresAt = codeExpiry(input.now);
    // A clash in a 31^16 space is practically impossible; retrying keeps it from ever becoming an error.
    for (let attempt = 0; attempt < 3; attempt++) {
      const code = generateCode(randomBytes);
      const inserted = await trx
        .insertInto('authorization_codes')
        .values({
          code,
          account_id: input.accountId,
          resource_id: resource.id,
          public_ip: publicIp,
          issued_at: input.now,
          expires_at: expiresAt,
          state: 'unused',
          order_id: null,
          updated_at: input.now,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
      await trx
        .insertInto('deadlines')
        .values({ id: crypto.randomUUID(), kind: CODE_EXPIRY_DEADLINE, ref_id: code, due_at: expiresAt, attempts: 0 })
        .execute();
      await armAuthorizationCodeReminder(trx, code, expiresAt);
      return toCodeView(
        {
          code,
          account_id: input.accountId,
          resource_id: resource.id,
          public_ip: publicIp,
          issued_at: input.now,
          expires_at: expiresAt,
          state: 'unused',
          order_id: null,
          updated_at: input.now,
        },
        input.now,
      );
    }
    throw new DomainError('INTERNAL', { message: 'could not generate a unique authorization code' });
  });
}
