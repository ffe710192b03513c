import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';

/**
 * A started provider sign-in (OIDC or WeChat), kept as a database row so the callback may reach any platform
 * instance behind a round-robin proxy. The state goes to the IdP and comes back; the browser token stays in a
 * short-lived HttpOnly cookie of the browser that started, so nobody can make a victim's browser finish the
 * attacker's sign-in (login CSRF). Only hashes of both are stored. The callback deletes the row as it reads
 * it: a replayed callback finds nothing and is refused.
 */
export const SIGN_IN_ATTEMPT_TTL_MS = 10 * 60 * 1000;

export type SignInMethod = 'oidc' | 'wechat';

export type StartedAttempt = {
  state: string;
  browserToken: string;
  nonce: string;
  codeVerifier: string;
};

export type ConsumedAttempt = { nonce: string | null; codeVerifier: string | null; returnTo: string };

const random = () => randomBytes(32).toString('base64url');
const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

/**
 * Only a path of this site, so the sign-in cannot be turned into an open redirect: one leading slash, no
 * scheme-relative `//` or `/\`, no control characters. Anything else returns to the portal's start.
 */
export function safeReturnTo(value: string | undefined): string {
  if (!value || value.length > 500) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  if (value.startsWith('/sign-in')) return '/';
  return value;
}

export async function startSignInAttempt(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  input: { method: SignInMethod; returnTo?: string },
): Promise<StartedAttempt> {
  const now = ctx.clock.now();
  const attempt = { state: random(), browserToken: random(), nonce: random(), codeVerifier: random() };
  // Housekeeping on the way: attempts nobody finished (indexed, usually nothing to delete).
  await ctx.db.deleteFrom('sign_in_attempts').where('expires_at', '<=', now).execute();
  await ctx.db
    .insertInto('sign_in_attempts')
    .values({
      state_hash: sha256(attempt.state),
      method: input.method,
      browser_hash: sha256(attempt.browserToken),
      nonce: input.method === 'oidc' ? attempt.nonce : null,
      code_verifier: input.method === 'oidc' ? attempt.codeVerifier : null,
      return_to: safeReturnTo(input.returnTo),
      created_at: now,
      expires_at: new Date(now.getTime() + SIGN_IN_ATTEMPT_TTL_MS),
    })
    .execute();
  return attempt;
}

/**
 * Takes the attempt of a callback, once. Unknown, replayed, expired, of the other method, or finished in
 * another browser: SIGN_IN_EXPIRED, with the reason in the details (for the audit, not the page).
 */
export async function consumeSignInAttempt(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  input: { method: SignInMethod; state: string | undefined; browserToken: string | undefined },
): Promise<ConsumedAttempt> {
  if (!input.state) throw new DomainError('SIGN_IN_EXPIRED', { details: { reason: 'no_state' } });
  const row = await ctx.db
    .deleteFrom('sign_in_attempts')
    .where('state_hash', '=', sha256(input.state))
    .returningAll()
    .executeTakeFirst();
  const refuse = (reason: string) => new DomainError('SIGN_IN_EXPIRED', { details: { reason } });
  if (!row) throw refuse('unknown_or_used_state');
  if (row.method !== input.method) throw refuse('other_method');
  if (row.expires_at.getTime() <= ctx.clock.now().getTime()) throw refuse('expired');
  if (!input.browserToken || sha256(input.browserToken) !== row.browser_hash) throw refuse('other_browser');
  return { nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to };
}
