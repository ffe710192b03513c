import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Selectable } from 'kysely';
import { appendAudit } from '../../adapters/db/audit-log.ts';
import type { ApiKeyTable } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import type { ApiKeyView } from '../../contracts/integrations-api.ts';
import { DomainError } from '../../domain/errors.ts';
import { type ApiKeyScope, scopesNotAllowed } from '../../domain/integrations/api-key-scopes.ts';
import { type AuthUser, isStaffRole } from '../../domain/roles.ts';
import { AUTH_USER_COLUMNS, toAuthUser } from '../auth/users.ts';

/**
 * API keys: `bk_live_<prefix>_<secret>`. The prefix (public, unique) finds the row; the SHA-256 of the whole key
 * proves it. A key is high-entropy, so a plain hash is enough (no password stretching), and the lookup stays
 * one indexed query per request — revocation applies to the very next request.
 */
const KEY_PATTERN = /^bk_live_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
/** How often last_used_at is written per key: a key used a thousand times a minute costs one write. */
export const LAST_USED_WRITE_INTERVAL_MS = 60_000;

const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

const newKey = () => {
  const prefix = randomBytes(8).toString('hex').slice(0, 12);
  return { prefix, key: `bk_live_${prefix}_${randomBytes(32).toString('base64url')}` };
};

const statusOf = (r: Selectable<ApiKeyTable>, now: Date): ApiKeyView['status'] =>
  r.revoked_at ? 'revoked' : r.expires_at && r.expires_at <= now ? 'expired' : 'active';

export const toApiKeyView = (r: Selectable<ApiKeyTable>, now: Date): ApiKeyView => ({
  id: r.id,
  ownerId: r.owner_id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes as ApiKeyScope[],
  status: statusOf(r, now),
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
  expiresAt: r.expires_at?.toISOString() ?? null,
});

export type CreateApiKeyInput = { ownerId: string; name: string; scopes: ApiKeyScope[]; expiresAt?: string };

/**
 * Creates a key acting as `ownerId` (the creator itself, or for an admin a staff member). The owner's role bounds
 * the scopes (staff: read-only). Returns the secret: it is never shown again.
 */
export async function createApiKey(ctx: AppContext, creator: AuthUser, input: CreateApiKeyInput) {
  const now = ctx.clock.now();
  const owner = await ctx.db
    .selectFrom('users')
    .select(['id', 'role', 'disabled'])
    .where('id', '=', input.ownerId)
    .executeTakeFirst();
  if (!owner || owner.disabled) throw new DomainError('NOT_FOUND', { details: { field: 'ownerId' } });
  // Applicants make keys for themselves only; admins make staff tools' keys for staff only.
  const mayCreate = creator.role === 'admin' ? isStaffRole(owner.role) : owner.id === creator.id;
  if (!mayCreate) throw new DomainError('FORBIDDEN', { details: { reason: 'not_key_owner' } });
  const refused = scopesNotAllowed(owner.role, input.scopes);
  if (refused.length > 0) {
    throw new DomainError('VALIDATION_FAILED', { details: { field: 'scopes', reason: 'scope_not_for_role', refused } });
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now) {
    throw new DomainError('VALIDATION_FAILED', { details: { field: 'expiresAt', reason: 'in_the_past' } });
  }
  const { prefix, key } = newKey();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_keys')
      .values({
        id: crypto.randomUUID(),
        owner_id: owner.id,
        name: input.name,
        prefix,
        secret_hash: hashKey(key),
        scopes: [...new Set(input.scopes)],
        created_by: creator.id,
        created_at: now,
        expires_at: expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      at: now,
      actorId: creator.id,
      actorRole: creator.role,
      action: 'api_key.created',
      details: { apiKeyId: row.id, ownerId: owner.id, prefix, scopes: row.scopes },
    });
    return { ...toApiKeyView(row, now), secret: key };
  });
}

/** A user's own keys, or (admins) every staff member's. Newest first. */
export async function listApiKeys(ctx: AppContext, who: { ownerId: string } | { staff: true }): Promise<ApiKeyView[]> {
  const now = ctx.clock.now();
  let q = ctx.db.selectFrom('api_keys').selectAll('api_keys');
  if ('ownerId' in who) q = q.where('owner_id', '=', who.ownerId);
  else {
    q = q
      .innerJoin('users', 'users.id', 'api_keys.owner_id')
      .where('users.role', 'in', ['reviewer', 'senior_reviewer', 'admin']);
  }
  const rows = await q.orderBy('api_keys.created_at', 'desc').limit(200).execute();
  return rows.map((r) => toApiKeyView(r, now));
}

/** Revokes at once (the next request with it answers 401). Revoking a revoked key changes nothing. */
export async function revokeApiKey(ctx: AppContext, user: AuthUser, id: string): Promise<ApiKeyView> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('api_keys')
      .innerJoin('users', 'users.id', 'api_keys.owner_id')
      .selectAll('api_keys')
      .select('users.role as owner_role')
      .where('api_keys.id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    const mayRevoke = row && (row.owner_id === user.id || (user.role === 'admin' && isStaffRole(row.owner_role)));
    if (!row || !mayRevoke) throw new DomainError('NOT_FOUND');
    const { owner_role: _, ...key } = row;
    if (key.revoked_at) return toApiKeyView(key, now);
    const updated = await trx
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'api_key.revoked',
      details: { apiKeyId: id, ownerId: key.owner_id, prefix: key.prefix },
    });
    return toApiKeyView(updated, now);
  });
}

export type KeyAuth = { user: AuthUser; apiKey: { id: string; scopes: readonly string[] } };

// When this process last wrote last_used_at per key; only a throttle, the database keeps the truth.
const lastUsedWrites = new Map<string, number>();

/**
 * The user and scopes a presented key stands for, or API_KEY_INVALID (malformed, unknown, revoked, expired, owner
 * disabled). A staff key also needs its owner's authenticator to be set up while staff sign in with one: a key
 * never stands in for an account that has not completed the second factor.
 */
export async function authenticateApiKey(ctx: AppContext, presented: string): Promise<KeyAuth> {
  const match = KEY_PATTERN.exec(presented);
  if (!match) throw new DomainError('API_KEY_INVALID');
  const now = ctx.clock.now();
  const row = await ctx.db
    .selectFrom('api_keys')
    .innerJoin('users', 'users.id', 'api_keys.owner_id')
    .leftJoin('staff_totp', 'staff_totp.user_id', 'users.id')
    .select(['api_keys.id as key_id', 'api_keys.secret_hash', 'api_keys.scopes', 'api_keys.revoked_at'])
    .select(['api_keys.expires_at', 'api_keys.last_used_at', 'users.disabled', 'staff_totp.enrolled_at'])
    .select(AUTH_USER_COLUMNS.map((c) => `users.${c}` as const))
    .where('api_keys.prefix', '=', match[1] as string)
    .executeTakeFirst();
  const expected = Buffer.from(row?.secret_hash ?? '0'.repeat(64), 'hex');
  const valid = timingSafeEqual(expected, Buffer.from(hashKey(presented), 'hex'));
  if (!row || !valid || row.revoked_at || row.disabled || (row.expires_at && row.expires_at <= now)) {
    throw new DomainError('API_KEY_INVALID');
  }
  if (isStaffRole(row.role) && ctx.config.STAFF_TOTP_REQUIRED && !row.enrolled_at) {
    throw new DomainError('API_KEY_INVALID', { details: { reason: 'owner_second_factor_not_set_up' } });
  }
  await touchLastUsed(ctx, row.key_id, row.last_used_at, now);
  return { user: toAuthUser(row), apiKey: { id: row.key_id, scopes: row.scopes } };
}

async function touchLastUsed(ctx: AppContext, id: string, stored: Date | null, now: Date): Promise<void> {
  const written = Math.max(stored?.getTime() ?? 0, lastUsedWrites.get(id) ?? 0);
  if (now.getTime() - written < LAST_USED_WRITE_INTERVAL_MS) return;
  lastUsedWrites.set(id, now.getTime());
  if (lastUsedWrites.size > 10_000) lastUsedWrites.clear();
  await ctx.db
    .updateTable('api_keys')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('last_used_at', 'is', null),
        eb('last_used_at', '<', new Date(now.getTime() - LAST_USED_WRITE_INTERVAL_MS)),
      ]),
    )
    .execute();
}
