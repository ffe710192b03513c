/**
 * Sign-in with accounts held elsewhere (issue 9): the provider's own accounts over OpenID Connect, and WeChat's
 * website-application QR login. The use cases (src/use-cases/auth/external-sign-in.ts) keep the attempt, link the
 * account and make the session; these ports only speak the protocols.
 */

/** Who the identity provider says signed in. `subject` is stable per issuer (OIDC `sub`, WeChat unionid). */
export type ExternalIdentity = {
  issuer: string;
  subject: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
  /** Every claim the IdP gave (ID token, then userinfo), for the sub-account rule. */
  claims: Record<string, unknown>;
};

export type OidcAttemptSecrets = { state: string; nonce: string; codeVerifier: string };

export interface OidcSignIn {
  /** The IdP's authorization endpoint with this attempt's state, nonce and PKCE (S256) challenge. */
  authorizationUrl(input: OidcAttemptSecrets & { redirectUri: string }): Promise<string>;
  /**
   * Redeems the code of the callback URL (with the PKCE verifier) and validates the ID token: signature against
   * the IdP's JWKS, iss, aud, exp (at `now`, the platform's clock), nonce; and the state of the callback.
   * Throws DomainError SIGN_IN_FAILED with a `reason` otherwise.
   */
  complete(input: OidcAttemptSecrets & { callbackUrl: URL; redirectUri: string; now: Date }): Promise<ExternalIdentity>;
  /** The IdP's end_session_endpoint for RP-initiated logout, or null when it has none. */
  endSessionUrl(input: { postLogoutRedirectUri: string }): Promise<string | null>;
  /** The issuer identifier (after discovery), as stored in external_identities. */
  issuer(): Promise<string>;
}

/** WeChat's answer of access_token (sns/oauth2/access_token). */
export type WeChatToken = { openid: string; unionid?: string; accessToken: string };
/** WeChat's answer of sns/userinfo (only what the platform uses). */
export type WeChatUser = { openid: string; unionid?: string; nickname: string };

/** WeChat answers errors as {errcode, errmsg} with HTTP 200; the adapter throws this then. */
export class WeChatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat API error ${errcode}: ${errmsg}`);
    this.name = 'WeChatApiError';
  }
}

export interface WeChatLogin {
  /** The qrconnect page (scope snsapi_login) the browser is sent to. */
  authorizeUrl(state: string, redirectUri: string): string;
  exchangeCode(code: string): Promise<WeChatToken>;
  userInfo(accessToken: string, openid: string): Promise<WeChatUser>;
}

export type ExternalSignInProviders = { oidc: OidcSignIn | null; wechat: WeChatLogin | null };
