import * as oidc from 'openid-client';
import { DomainError } from '../../domain/errors.ts';
import type { ExternalIdentity, OidcSignIn } from '../../domain/ports/external-sign-in.ts';

export type OidcClientOptions = {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  /** Plain-HTTP issuers (the development IdP); never in production. */
  allowHttp: boolean;
  timeoutMs?: number;
};

/** SIGN_IN_FAILED with what went wrong, for the audit log (openid-client's code and message, and the JWT claim). */
const failed = (reason: string, cause?: unknown): DomainError => {
  const details: Record<string, unknown> = { reason };
  if (cause instanceof Error) {
    // openid-client wraps oauth4webapi's error, whose own cause names the JWT claim that failed.
    const inner = cause.cause instanceof Error ? cause.cause : undefined;
    details.detail = `${(cause as { code?: string }).code ?? cause.name}: ${inner?.message ?? cause.message}`.slice(
      0,
      300,
    );
    const claim = (inner?.cause as { claim?: unknown } | undefined)?.claim;
    if (typeof claim === 'string') details.claim = claim;
  }
  return new DomainError('SIGN_IN_FAILED', { details });
};

/**
 * The OpenID Connect relying party, on openid-client (authorization code + PKCE S256, state, nonce). Discovery
 * happens on first use and is remembered, so start-up does not depend on the IdP being up; a failed discovery
 * is tried again next time. ID token validation (signature via the issuer's JWKS, iss, aud, exp, iat, nonce) is
 * openid-client's own; the platform's clock is handed to it as its clock skew, so time stays injected.
 */
export function createOidcSignIn(options: OidcClientOptions): OidcSignIn {
  let server: Promise<oidc.ServerMetadata> | undefined;
  let jwksCache: oidc.ExportedJWKSCache | undefined;

  const metadataFor = (skewSeconds: number): Partial<oidc.ClientMetadata> => ({
    ...(options.clientSecret && { client_secret: options.clientSecret }),
    [oidc.clockSkew]: skewSeconds,
  });
  const configure = (metadata: oidc.ServerMetadata, skewSeconds: number): oidc.Configuration => {
    const config = new oidc.Configuration(
      metadata,
      options.clientId,
      metadataFor(skewSeconds),
      options.clientSecret ? oidc.ClientSecretPost(options.clientSecret) : oidc.None(),
    );
    if (options.allowHttp) oidc.allowInsecureRequests(config);
    if (options.timeoutMs) config.timeout = options.timeoutMs / 1000;
    if (jwksCache) oidc.setJwksCache(config, jwksCache);
    return config;
  };
  const discover = (): Promise<oidc.ServerMetadata> => {
    server ??= oidc
      .discovery(new URL(options.issuer), options.clientId, metadataFor(0), undefined, {
        ...(options.allowHttp && { execute: [oidc.allowInsecureRequests] }),
        ...(options.timeoutMs && { timeout: options.timeoutMs / 1000 }),
      })
      .then((c) => c.serverMetadata() as oidc.ServerMetadata)
      .catch((e) => {
        server = undefined;
        throw failed('discovery_failed', e);
      });
    return server;
  };

  return {
    async issuer() {
      return (await discover()).issuer;
    },

    async authorizationUrl({ state, nonce, codeVerifier, redirectUri }) {
      const config = configure(await discover(), 0);
      return oidc
        .buildAuthorizationUrl(config, {
          redirect_uri: redirectUri,
          scope: options.scopes,
          response_type: 'code',
          state,
          nonce,
          code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
          code_challenge_method: 'S256',
        })
        .toString();
    },

    async complete({ state, nonce, codeVerifier, callbackUrl, redirectUri, now }) {
      const skewSeconds = Math.round((now.getTime() - Date.now()) / 1000);
      const config = configure(await discover(), skewSeconds);
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(
          config,
          callbackUrl,
          { pkceCodeVerifier: codeVerifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true },
          { redirect_uri: redirectUri },
        );
      } catch (e) {
        const error = e instanceof oidc.AuthorizationResponseError ? e.error : 'token_or_id_token_invalid';
        throw failed(error, e);
      } finally {
        jwksCache = oidc.getJwksCache(config) ?? jwksCache;
      }
      const idToken = tokens.claims();
      if (!idToken) throw failed('no_id_token');
      let claims: Record<string, unknown> = { ...idToken };
      if (config.serverMetadata().userinfo_endpoint) {
        try {
          const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
          // The ID token's claims win where both speak (they are signed).
          claims = { ...userInfo, ...claims };
        } catch (e) {
          throw failed('userinfo_failed', e);
        }
      }
      return identityOf(idToken.iss, idToken.sub, claims);
    },

    async endSessionUrl({ postLogoutRedirectUri }) {
      const metadata = await discover();
      if (!metadata.end_session_endpoint) return null;
      return oidc
        .buildEndSessionUrl(configure(metadata, 0), { post_logout_redirect_uri: postLogoutRedirectUri })
        .toString();
    },
  };
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function identityOf(issuer: string, subject: string, claims: Record<string, unknown>): ExternalIdentity {
  const email = text(claims.email);
  const name = text(claims.name) ?? text(claims.nickname) ?? text(claims.preferred_username);
  return {
    issuer,
    subject,
    claims,
    ...(email && { email, emailVerified: claims.email_verified === true }),
    ...(name && { name }),
  };
}
