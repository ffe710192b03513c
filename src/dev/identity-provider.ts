import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real OpenID provider for development and tests (oidc-provider, loaded only when used), standing in for the
 * cloud provider's account system so "使用…账号登录" works out of the box. Its login page lists the demo users;
 * the platform talks to it exactly as to a production IdP (discovery, JWKS, code + PKCE, userinfo, end session).
 * Consent is implied for the platform's client (first party), as at a provider signing in to its own console.
 */
export type DevIdpUser = {
  username: string;
  password: string;
  email: string;
  name: string;
  /** The claim the platform's OIDC_SUB_ACCOUNT_CLAIM reads (default `account_type`). */
  accountType: 'main' | 'sub';
};

export const DEV_IDP_USERS: readonly DevIdpUser[] = [
  {
    username: 'jd-main',
    password: 'JdCloud-Demo-2026!',
    email: 'jd-main@idp.example.com',
    name: '京东云主账号演示',
    accountType: 'main',
  },
  {
    username: 'jd-sub',
    password: 'JdCloud-Demo-2026!',
    email: 'jd-sub@idp.example.com',
    name: '京东云子账号演示',
    accountType: 'sub',
  },
];

export const DEV_IDP_CLIENT = { clientId: 'beian-dev', clientSecret: 'dev-oidc-client-secret-change-me' } as const;

export type DevIdentityProviderOptions = {
  port: number;
  host: string;
  /** The platform's callback URL(s), registered for the client. */
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  users?: readonly DevIdpUser[];
  client?: { clientId: string; clientSecret: string };
  /** Seconds an ID token is valid (default one hour); tests make it short. */
  idTokenTtlSeconds?: number;
};

export type DevIdentityProvider = { issuer: string; users: readonly DevIdpUser[]; stop: () => Promise<void> };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const page = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,"WenQuanYi Micro Hei",sans-serif;max-width:420px;margin:40px auto;padding:0 16px;color:#1f1f1f}
label{display:block;margin:12px 0 4px}input{width:100%;box-sizing:border-box;padding:8px;font-size:16px}
button{margin-top:16px;width:100%;padding:10px;font-size:16px;background:#e1251b;color:#fff;border:0;border-radius:4px}
table{border-collapse:collapse;font-size:14px;margin-top:24px}td,th{border:1px solid #ccc;padding:4px 8px}.err{color:#b00020}</style>
</head><body>${body}</body></html>`;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startDevIdentityProvider(options: DevIdentityProviderOptions): Promise<DevIdentityProvider> {
  const { default: Provider } = await import('oidc-provider');
  const { exportJWK, generateKeyPair } = await import('jose');
  const users = options.users ?? DEV_IDP_USERS;
  const client = options.client ?? DEV_IDP_CLIENT;

  // Listen first: the issuer names the port actually bound (0 in tests).
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${options.host}:${port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'dev-idp-1', alg: 'RS256', use: 'sig' };
  const findUser = (username: string | undefined) => users.find((u) => u.username === username);

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'account_type'] },
    pkce: { required: () => true },
    ttl: { IdToken: options.idTokenTtlSeconds ?? 3600 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: { body: string }, form: string) => {
          ctx.body = page(
            '退出登录 / Sign out',
            `<h1>退出开发身份提供方？<br>Sign out of the development IdP?</h1>${form}
            <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">退出 / Sign out</button>`,
          );
        },
      },
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => {
      const user = findUser(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: user.email,
          email_verified: true,
          name: user.name,
          account_type: user.accountType,
        }),
      };
    },
    // The platform is the provider's own (first-party) client: no consent screen.
    loadExistingGrant: async (ctx: any) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const oidcCallback = provider.callback();

  const loginPage = (uid: string, error?: string) =>
    page(
      '开发身份提供方登录 / Development IdP sign-in',
      `<h1>京东云账号登录（开发替身）<br><small>Provider account sign-in (development stand-in)</small></h1>
      ${error ? `<p class="err" role="alert">${escapeHtml(error)}</p>` : ''}
      <form method="post" action="/interaction/${escapeHtml(uid)}/login">
        <label for="username">账号 / Account</label><input id="username" name="username" autocomplete="username" required autofocus>
        <label for="password">密码 / Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">登录 / Sign in</button>
      </form>
      <form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit" style="background:#666">取消 / Cancel</button></form>
      <table><caption>演示账号 / Demo users</caption><tr><th>账号</th><th>密码</th><th>类型</th></tr>
      ${users.map((u) => `<tr><td>${escapeHtml(u.username)}</td><td>${escapeHtml(u.password)}</td><td>${u.accountType === 'sub' ? '子账号 sub' : '主账号 main'}</td></tr>`).join('')}
      </table>`,
    );

  const interaction = async (req: IncomingMessage, res: ServerResponse, match: RegExpMatchArray) => {
    const [, uid = '', action] = match;
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return void res.writeHead(400).end('interaction mismatch');
    if (req.method === 'GET' && !action) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(loginPage(uid));
    }
    if (req.method === 'POST' && action === 'abort') {
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'cancelled' },
        { mergeWithLastSubmission: false },
      );
    }
    if (req.method === 'POST' && action === 'login') {
      const form = await readForm(req);
      const user = findUser(form.get('username') ?? undefined);
      if (!user || user.password !== form.get('password')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        return void res.end(loginPage(uid, '账号或密码错误 / Wrong account or password'));
      }
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: user.username } },
        { mergeWithLastSubmission: false },
      );
    }
    res.writeHead(405).end();
  };

  handle = (req, res) => {
    const match = (req.url ?? '').match(/^\/interaction\/([\w-]+)(?:\/(login|abort))?(?:\?.*)?$/);
    if (!match) return oidcCallback(req, res);
    interaction(req, res, match).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`interaction failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  };

  return {
    issuer,
    users,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
