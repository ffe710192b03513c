import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { assertPasswordPolicy, hashPassword, NO_LOCAL_PASSWORD } from '../../adapters/auth/password.ts';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AuthUser, Role } from '../../domain/roles.ts';
import { type AuditActor, appendAudit } from './audit.ts';
import { AUTH_USER_COLUMNS, assertEmailShape, normaliseEmail, toAuthUser } from './users.ts';

export type CreateUserInput = {
  email: string;
  /** null: an account of an identity provider (OIDC, WeChat), which has no local password at all. */
  password: string | null;
  role: Role;
  displayName: string;
  realNameVerified?: boolean;
  /** Required for, and only for, sub-accounts: the owning applicant. */
  parentUserId?: string;
  /** Who creates the user; 'self' for self-registration. Defaults to the system (CLI, seed). */
  actor?: AuditActor | 'self';
  /** The development seed only: its demo passwords are published on purpose (see published-passwords.ts). */
  allowPublishedPassword?: boolean;
};

const SYSTEM_ACTOR: AuditActor = { id: null, role: 'system' };

const isUniqueViolation = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === '23505';

/**
 * Creates a user of any role. Registration, sub-accounts, the admin API, the CLI and the seed all end here, so
 * the password policy, e-mail normalisation and the audit record cannot be skipped by any of them.
 */
export async function createUser(ctx: Pick<AppContext, 'db' | 'clock'>, input: CreateUserInput): Promise<AuthUser> {
  const email = normaliseEmail(input.email);
  assertEmailShape(email);
  const displayName = input.displayName.trim();
  if (displayName.length === 0 || displayName.length > 50) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { issues: [{ field: 'displayName', message: '1 to 50 characters' }] },
    });
  }
  if (input.password !== null) {
    assertPasswordPolicy(input.password, { email, allowPublished: input.allowPublishedPassword === true });
  }
  await assertParent(ctx, input);

  // Cheap pre-check so a taken e-mail does not cost an argon2 hash; the unique index still decides races.
  const taken = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw new DomainError('AUTH_EMAIL_TAKEN');
  const passwordHash = input.password === null ? NO_LOCAL_PASSWORD : await hashPassword(input.password);

  const id = randomUUID();
  const now = ctx.clock.now();
  const actor = input.actor === 'self' ? { id, role: input.role } : (input.actor ?? SYSTEM_ACTOR);
  try {
    // Inside the caller's transaction when given one (a provider sign-in links the identity in the same one).
    const inTransaction = <T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
      ctx.db.isTransaction ? fn(ctx.db) : ctx.db.transaction().execute(fn);
    const row = await inTransaction(async (trx) => {
      const inserted = await trx
        .insertInto('users')
        .values({
          id,
          email,
          password_hash: passwordHash,
          role: input.role,
          parent_user_id: input.parentUserId ?? null,
          display_name: displayName,
          real_name_verified: input.realNameVerified ?? false,
          disabled: false,
          created_at: now,
        })
        .returning(AUTH_USER_COLUMNS)
        .executeTakeFirstOrThrow();
      await appendAudit(trx, {
        at: now,
        actor,
        action: 'user.created',
        details: { userId: id, role: input.role, parentUserId: input.parentUserId ?? null },
      });
      return inserted;
    });
    return toAuthUser(row);
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('AUTH_EMAIL_TAKEN');
    throw e;
  }
}

/** A sub-account hangs under an active applicant; no other role has a parent. */
async function assertParent(ctx: Pick<AppContext, 'db'>, input: CreateUserInput): Promise<void> {
  if (input.role !== 'sub_account') {
    if (input.parentUserId !== undefined)
      throw new DomainError('FORBIDDEN', { details: { reason: 'parent_only_for_sub_accounts' } });
    return;
  }
  if (input.parentUserId === undefined)
    throw new DomainError('FORBIDDEN', { details: { reason: 'sub_account_needs_parent' } });
  const parent = await ctx.db
    .selectFrom('users')
    .select(['role', 'disabled'])
    .where('id', '=', input.parentUserId)
    .executeTakeFirst();
  if (parent?.role !== 'applicant' || parent.disabled) {
    throw new DomainError('FORBIDDEN', { details: { reason: 'parent_must_be_active_applicant' } });
  }
}
