import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for WeChat's website-application QR login (网站应用微信登录), for development and tests. Same shape
 * as the real flow: the desktop browser opens /connect/qrconnect, which shows the "QR code" and waits; the phone
 * "scans" it by opening /stand-in/wechat/scan?ticket=… (a page where one picks a demo WeChat user and
 * confirms); the desktop page then goes to redirect_uri with code and state. sns/oauth2/access_token and
 * sns/userinfo answer WeChat's JSON shapes, errors as {errcode, errmsg} with HTTP 200; codes are single use.
 */
export type WeChatDemoUser = { id: string; nickname: string };

export const WECHAT_DEMO_USERS: readonly WeChatDemoUser[] = [
  { id: 'zhang', nickname: '微信演示用户张三' },
  { id: 'li', nickname: '微信演示用户李四' },
];

export const WECHAT_STAND_IN_APP = { appId: 'wxdev0000000000001', appSecret: 'dev-wechat-app-secret-change-me' };

export type WeChatStandInOptions = {
  port: number;
  host: string;
  app?: { appId: string; appSecret: string };
  users?: readonly WeChatDemoUser[];
};

export type WeChatStandIn = { url: string; users: readonly WeChatDemoUser[]; stop: () => Promise<void> };

type Ticket = { redirectUri: string; state: string; code?: string };
type Code = { userId: string; used: boolean; expiresAt: number };
type Token = { userId: string; openid: string; expiresAt: number };

const CODE_TTL_MS = 5 * 60_000;
const TOKEN_TTL_S = 7200;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const random = () => randomBytes(24).toString('base64url');

const page = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,"WenQuanYi Micro Hei",sans-serif;max-width:420px;margin:40px auto;padding:0 16px;text-align:center;color:#1f1f1f}
.qr{width:220px;height:220px;margin:16px auto;border:8px solid #1aad19;display:flex;align-items:center;justify-content:center;font-size:14px;background:repeating-linear-gradient(45deg,#fff,#fff 8px,#eee 8px,#eee 16px)}
button{margin-top:16px;width:100%;padding:10px;font-size:16px;background:#1aad19;color:#fff;border:0;border-radius:4px}
label{display:block;text-align:left;margin:8px 0;font-size:16px}a{color:#0b57d0}</style>
</head><body>${body}</body></html>`;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8').slice(0, 4096));
}

export async function startWeChatStandIn(options: WeChatStandInOptions): Promise<WeChatStandIn> {
  const app = options.app ?? WECHAT_STAND_IN_APP;
  const users = options.users ?? WECHAT_DEMO_USERS;
  const tickets = new Map<string, Ticket>();
  const codes = new Map<string, Code>();
  const tokens = new Map<string, Token>();
  // openid is per app and user; unionid per user (across the provider's apps), as at WeChat.
  const openidOf = (userId: string) =>
    `o${createHash('sha256').update(`${app.appId}:${userId}`).digest('hex').slice(0, 27)}`;
  const unionidOf = (userId: string) => `u${createHash('sha256').update(`union:${userId}`).digest('hex').slice(0, 27)}`;

  const html = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  };
  const json = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const weChatError = (res: ServerResponse, errcode: number, errmsg: string) => json(res, { errcode, errmsg });

  const routes = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const q = url.searchParams;
    const path = url.pathname;
    if (req.method === 'GET' && path === '/connect/qrconnect') {
      if (q.get('appid') !== app.appId)
        return html(res, 400, page('微信登录', '<p>参数错误：appid 无效 (invalid appid)</p>'));
      if (q.get('scope') !== 'snsapi_login' || q.get('response_type') !== 'code' || !q.get('redirect_uri')) {
        return html(res, 400, page('微信登录', '<p>参数错误 (scope / response_type / redirect_uri)</p>'));
      }
      const ticket = random();
      tickets.set(ticket, { redirectUri: q.get('redirect_uri') ?? '', state: q.get('state') ?? '' });
      const scan = `/stand-in/wechat/scan?ticket=${encodeURIComponent(ticket)}`;
      return html(
        res,
        200,
        page(
          '微信登录 / WeChat sign-in',
          `<h1>微信登录</h1><p>请使用微信扫描二维码登录<br>Scan the QR code with WeChat</p>
          <div class="qr" role="img" aria-label="二维码（开发替身）/ QR code (stand-in)">开发替身二维码<br>stand-in QR</div>
          <p>没有手机？<a id="scan-link" href="${escapeHtml(scan)}" target="_blank" rel="opener">在另一页面打开“扫码”页 / open the phone's scan page</a></p>
          <p id="status" aria-live="polite">等待扫码… / Waiting for the scan…</p>
          <script>
            const poll = async () => {
              const r = await fetch('/stand-in/wechat/poll?ticket=${encodeURIComponent(ticket)}');
              const b = await r.json();
              if (b.redirect) { location.href = b.redirect; return; }
              setTimeout(poll, 700);
            };
            poll();
          </script>`,
        ),
      );
    }
    if (req.method === 'GET' && path === '/stand-in/wechat/poll') {
      const ticket = tickets.get(q.get('ticket') ?? '');
      if (!ticket) return json(res, { status: 'expired' });
      if (!ticket.code) return json(res, { status: 'waiting' });
      tickets.delete(q.get('ticket') ?? '');
      const target = new URL(ticket.redirectUri);
      target.searchParams.set('code', ticket.code);
      target.searchParams.set('state', ticket.state);
      return json(res, { status: 'confirmed', redirect: target.toString() });
    }
    if (path === '/stand-in/wechat/scan') {
      const id = req.method === 'POST' ? undefined : (q.get('ticket') ?? '');
      if (req.method === 'GET') {
        if (!id || !tickets.has(id))
          return html(res, 404, page('微信', '<p>二维码已失效 / This QR code has expired</p>'));
        return html(
          res,
          200,
          page(
            '微信扫码确认 / Confirm in WeChat',
            `<h1>确认登录</h1><p>网页申请使用你的微信账号登录<br>A website asks to sign in with your WeChat account</p>
            <form method="post" action="/stand-in/wechat/scan"><input type="hidden" name="ticket" value="${escapeHtml(id)}">
            <fieldset><legend>选择演示微信用户 / Pick a demo WeChat user</legend>
            ${users.map((u, i) => `<label><input type="radio" name="user" value="${escapeHtml(u.id)}" ${i === 0 ? 'checked' : ''}> ${escapeHtml(u.nickname)}</label>`).join('')}
            </fieldset><button type="submit">确认登录 / Confirm</button></form>`,
          ),
        );
      }
      if (req.method === 'POST') {
        const form = await readForm(req);
        const ticket = tickets.get(form.get('ticket') ?? '');
        const user = users.find((u) => u.id === form.get('user'));
        if (!ticket || !user) return html(res, 400, page('微信', '<p>二维码已失效 / This QR code has expired</p>'));
        const code = random();
        codes.set(code, { userId: user.id, used: false, expiresAt: Date.now() + CODE_TTL_MS });
        ticket.code = code;
        return html(res, 200, page('微信', '<h1>已确认登录</h1><p>请在电脑上继续 / Continue on the computer</p>'));
      }
    }
    if (req.method === 'GET' && path === '/sns/oauth2/access_token') {
      if (q.get('appid') !== app.appId) return weChatError(res, 40013, 'invalid appid');
      if (q.get('secret') !== app.appSecret) return weChatError(res, 40125, 'invalid appsecret');
      if (q.get('grant_type') !== 'authorization_code') return weChatError(res, 40002, 'invalid grant_type');
      const code = codes.get(q.get('code') ?? '');
      if (!code || code.expiresAt < Date.now()) return weChatError(res, 40029, 'invalid code');
      if (code.used) return weChatError(res, 40163, 'code been used');
      code.used = true;
      const accessToken = random();
      const openid = openidOf(code.userId);
      tokens.set(accessToken, { userId: code.userId, openid, expiresAt: Date.now() + TOKEN_TTL_S * 1000 });
      return json(res, {
        access_token: accessToken,
        expires_in: TOKEN_TTL_S,
        refresh_token: random(),
        openid,
        scope: 'snsapi_login',
        unionid: unionidOf(code.userId),
      });
    }
    if (req.method === 'GET' && path === '/sns/userinfo') {
      const token = tokens.get(q.get('access_token') ?? '');
      if (!token) return weChatError(res, 40001, 'invalid credential, access_token is invalid or not latest');
      if (token.expiresAt < Date.now()) return weChatError(res, 42001, 'access_token expired');
      if (q.get('openid') !== token.openid) return weChatError(res, 40003, 'invalid openid');
      const user = users.find((u) => u.id === token.userId);
      return json(res, {
        openid: token.openid,
        nickname: user?.nickname ?? '',
        sex: 0,
        province: '',
        city: '',
        country: 'CN',
        headimgurl: '',
        privilege: [],
        unionid: unionidOf(token.userId),
      });
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    routes(req, res, url).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    users,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
