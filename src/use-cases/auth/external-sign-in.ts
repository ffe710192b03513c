import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import { seedResourcesForAccount } from '../../adapters/resources/seeded-resource-inventory.ts';
import type { AppContext } from '../../app-context.ts';
import { devSignupStandIn, publicBaseUrl } from '../../config.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  type ExternalIdentity,
  type OidcSignIn,
  WeChatApiError,
  type WeChatLogin,
} from '../../domain/ports/external-sign-in.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { isSubAccountClaim } from '../../domain/sub-account-claim.ts';
import { appendAudit } from './audit.ts';
import { createUser } from './create-user.ts';
import { createSession, destroySession } from './sessions.ts';
import { consumeSignInAttempt, type SignInMethod, startSignInAttempt } from './sign-in-attempts.ts';
import { AUTH_USER_COLUMNS, normaliseEmail, toAuthUser } from './users.ts';

/** The issuer under which WeChat identities (subject: unionid) are linked. */
export const WECHAT_ISSUER = 'wechat';

export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';
export const WECHAT_CALLBACK_PATH = '/api/v1/auth/wechat/callback';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config' | 'externalSignIn'>;

export const oidcRedirectUri = (ctx: Pick<AppContext, 'config'>) => `${publicBaseUrl(ctx.config)}${OIDC_CALLBACK_PATH}`;
export const wechatRedirectUri = (ctx: Pick<AppContext, 'config'>) =>
  `${publicBaseUrl(ctx.config)}${WECHAT_CALLBACK_PATH}`;

const oidcOf = (ctx: Ctx): OidcSignIn => {
  const oidc = ctx.externalSignIn?.oidc;
  if (!oidc) throw new DomainError('SIGN_IN_METHOD_DISABLED', { details: { method: 'oidc' } });
  return oidc;
};
const wechatOf = (ctx: Ctx): WeChatLogin => {
  const wechat = ctx.externalSignIn?.wechat;
  if (!wechat) throw new DomainError('SIGN_IN_METHOD_DISABLED', { details: { method: 'wechat' } });
  return wechat;
};

export type StartedSignIn = { redirectUrl: string; browserToken: string };

export async function startOidcSignIn(ctx: Ctx, input: { returnTo?: string }): Promise<StartedSignIn> {
  const oidc = oidcOf(ctx);
  const attempt = await startSignInAttempt(ctx, { method: 'oidc', ...input });
  const redirectUrl = await oidc.authorizationUrl({ ...attempt, redirectUri: oidcRedirectUri(ctx) });
  return { redirectUrl, browserToken: attempt.browserToken };
}

export async function startWeChatSignIn(ctx: Ctx, input: { returnTo?: string }): Promise<StartedSignIn> {
  const wechat = wechatOf(ctx);
  const attempt = await startSignInAttempt(ctx, { method: 'wechat', ...input });
  return {
    redirectUrl: wechat.authorizeUrl(attempt.state, wechatRedirectUri(ctx)),
    browserToken: attempt.browserToken,
  };
}

export type CallbackInput = {
  /** The callback's query parameters as received. */
  query: Record<string, string | undefined>;
  browserToken: string | undefined;
  previousSessionId: string | undefined;
  ip?: string;
};

export type SignedIn = { sessionId: string; user: AuthUser; returnTo: string };

/** The IdP's callback: consume the attempt, validate the answer, refuse sub-accounts, link, sign in. */
export async function completeOidcSignIn(ctx: Ctx, input: CallbackInput): Promise<SignedIn> {
  return audited(ctx, 'oidc', input, async () => {
    const oidc = oidcOf(ctx);
    const attempt = await consumeSignInAttempt(ctx, {
      method: 'oidc',
      state: input.query.state,
      browserToken: input.browserToken,
    });
    const callbackUrl = new URL(oidcRedirectUri(ctx));
    for (const [k, v] of Object.entries(input.query)) if (v !== undefined) callbackUrl.searchParams.set(k, v);
    const identity = await oidc.complete({
      state: input.query.state ?? '',
      nonce: attempt.nonce ?? '',
      codeVerifier: attempt.codeVerifier ?? '',
      callbackUrl,
      redirectUri: oidcRedirectUri(ctx),
      now: ctx.clock.now(),
    });
    const { OIDC_SUB_ACCOUNT_CLAIM: claim, OIDC_SUB_ACCOUNT_VALUES: values } = ctx.config;
    if (isSubAccountClaim(identity.claims, claim, values)) {
      throw new DomainError('SIGN_IN_SUB_ACCOUNT_REFUSED', { details: { reason: 'sub_account' } });
    }
    return { identity, returnTo: attempt.returnTo };
  });
}

/** WeChat's redirect after the scan: consume the attempt, redeem the code, link by unionid, sign in. */
export async function completeWeChatSignIn(ctx: Ctx, input: CallbackInput): Promise<SignedIn> {
  return audited(ctx, 'wechat', input, async () => {
    const wechat = wechatOf(ctx);
    const attempt = await consumeSignInAttempt(ctx, {
      method: 'wechat',
      state: input.query.state,
      browserToken: input.browserToken,
    });
    // WeChat sends the browser back without a code when the user declines.
    const code = input.query.code;
    if (!code) throw new DomainError('SIGN_IN_FAILED', { details: { reason: 'no_code' } });
    try {
      const token = await wechat.exchangeCode(code);
      const info = await wechat.userInfo(token.accessToken, token.openid);
      const unionid = token.unionid ?? info.unionid;
      // Linking needs the unionid (stable across the provider's WeChat apps); openid alone is per app.
      if (!unionid) throw new DomainError('SIGN_IN_FAILED', { details: { reason: 'no_unionid' } });
      const identity: ExternalIdentity = {
        issuer: WECHAT_ISSUER,
        subject: unionid,
        claims: { openid: token.openid, nickname: info.nickname },
        ...(info.nickname && { name: info.nickname }),
      };
      return { identity, returnTo: attempt.returnTo };
    } catch (e) {
      if (e instanceof WeChatApiError) {
        throw new DomainError('SIGN_IN_FAILED', { details: { reason: 'wechat_error', errcode: e.errcode } });
      }
      throw e;
    }
  });
}

/** Runs a callback's checks, then links and signs in; every outcome is audited (no personal data). */
async function audited(
  ctx: Ctx,
  method: SignInMethod,
  input: CallbackInput,
  verify: () => Promise<{ identity: ExternalIdentity; returnTo: string }>,
): Promise<SignedIn> {
  let verified: { identity: ExternalIdentity; returnTo: string };
  try {
    verified = await verify();
  } catch (e) {
    const details = e instanceof DomainError ? { code: e.code, ...(e.details as object) } : { code: 'internal' };
    await appendAudit(ctx.db, {
      at: ctx.clock.now(),
      actor: { id: null, role: 'anonymous' },
      action: 'auth.external.refused',
      details: { method, ...details, ip: input.ip ?? null },
    });
    throw e;
  }
  const user = await linkedUser(ctx, method, verified.identity);
  const now = ctx.clock.now();
  const sessionId = await ctx.db.transaction().execute(async (trx) => {
    if (input.previousSessionId) await destroySession(trx, input.previousSessionId);
    await trx
      .updateTable('external_identities')
      .set({ last_login_at: now })
      .where('issuer', '=', verified.identity.issuer)
      .where('subject', '=', verified.identity.subject)
      .execute();
    const id = await createSession(trx, {
      userId: user.id,
      role: user.role,
      now,
      config: ctx.config,
      signedInWith: verified.identity.issuer,
    });
    await appendAudit(trx, {
      at: now,
      actor: { id: user.id, role: user.role },
      action: 'auth.login.success',
      details: { method, issuer: verified.identity.issuer, ip: input.ip ?? null },
    });
    return id;
  });
  return { sessionId, user, returnTo: verified.returnTo };
}

/**
 * The user linked to (issuer, subject), made on first sign-in. Never linked by e-mail: an IdP asserting the
 * address of an existing local account must not take that account over. The claimed address is used for the new
 * account when it is free, else a placeholder under the reserved `.invalid` domain stands in (the applicant
 * can still be reached by SMS and in the portal).
 */
async function linkedUser(ctx: Ctx, method: SignInMethod, identity: ExternalIdentity): Promise<AuthUser> {
  for (let round = 0; round < 2; round++) {
    const linked = await findLinked(ctx.db, identity);
    if (linked) return linked;
    try {
      return await createLinkedUser(ctx, method, identity);
    } catch (e) {
      // A parallel first sign-in of the same identity (or the same address) won: read its result.
      const code = (e as { code?: unknown } | null)?.code;
      if (code !== '23505' && !(e instanceof DomainError && e.code === 'AUTH_EMAIL_TAKEN')) throw e;
    }
  }
  throw new DomainError('SIGN_IN_FAILED', { details: { reason: 'link_race' } });
}

async function findLinked(db: Kysely<Database>, identity: ExternalIdentity): Promise<AuthUser | null> {
  const row = await db
    .selectFrom('external_identities')
    .innerJoin('users', 'users.id', 'external_identities.user_id')
    .select([...AUTH_USER_COLUMNS.map((c) => `users.${c}` as const), 'users.disabled'])
    .where('external_identities.issuer', '=', identity.issuer)
    .where('external_identities.subject', '=', identity.subject)
    .executeTakeFirst();
  if (!row) return null;
  // Only applicants are ever made here; a disabled one stays out like at password login.
  if (row.disabled || row.role !== 'applicant') {
    throw new DomainError('SIGN_IN_FAILED', { details: { reason: row.disabled ? 'disabled' : 'not_applicant' } });
  }
  return toAuthUser(row);
}

async function createLinkedUser(ctx: Ctx, method: SignInMethod, identity: ExternalIdentity): Promise<AuthUser> {
  const email = await freeEmail(ctx.db, identity);
  const standIn = devSignupStandIn(ctx.config);
  const fallbackName = method === 'wechat' ? '微信用户' : `${ctx.config.OIDC_PROVIDER_NAME_ZH}用户`;
  const displayName = (identity.name ?? fallbackName).slice(0, 50);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const user = await createUser(
      { db: trx, clock: ctx.clock },
      { email, password: null, role: 'applicant', displayName, realNameVerified: standIn, actor: 'self' },
    );
    await trx
      .insertInto('external_identities')
      .values({
        issuer: identity.issuer,
        subject: identity.subject,
        user_id: user.id,
        created_at: now,
        last_login_at: now,
      })
      .execute();
    await appendAudit(trx, {
      at: now,
      actor: { id: user.id, role: user.role },
      action: 'auth.external.linked',
      details: { method, issuer: identity.issuer, userId: user.id },
    });
    if (standIn) await seedResourcesForAccount(trx, user.accountId, now);
    return user;
  });
}

async function freeEmail(db: Kysely<Database>, identity: ExternalIdentity): Promise<string> {
  const claimed = identity.email ? normaliseEmail(identity.email) : undefined;
  if (claimed && claimed.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(claimed)) {
    const taken = await db.selectFrom('users').select('id').where('email', '=', claimed).executeTakeFirst();
    if (!taken) return claimed;
  }
  const tag = createHash('sha256').update(`${identity.issuer}\n${identity.subject}`).digest('hex').slice(0, 20);
  return `${identity.issuer === WECHAT_ISSUER ? 'wechat' : 'oidc'}-${tag}@accounts.invalid`;
}

/** Where to send the browser after the local logout of a session that began at the OIDC IdP, if anywhere. */
export async function oidcLogoutRedirect(ctx: Ctx, signedInWith: string | null): Promise<string | null> {
  const oidc = ctx.externalSignIn?.oidc;
  if (!signedInWith || signedInWith === WECHAT_ISSUER || !oidc) return null;
  try {
    if ((await oidc.issuer()) !== signedInWith) return null;
    return await oidc.endSessionUrl({ postLogoutRedirectUri: `${publicBaseUrl(ctx.config)}/sign-in` });
  } catch {
    // The local session is over either way; an unreachable IdP only means no single logout there.
    return null;
  }
}
