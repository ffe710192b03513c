import {
  WeChatApiError,
  type WeChatLogin,
  type WeChatToken,
  type WeChatUser,
} from '../../domain/ports/external-sign-in.ts';

export type WeChatLoginOptions = {
  appId: string;
  appSecret: string;
  /** https://open.weixin.qq.com, or the stand-in's address. */
  openBaseUrl: string;
  /** https://api.weixin.qq.com, or the stand-in's address. */
  apiBaseUrl: string;
  timeoutMs?: number;
};

const trim = (url: string) => url.replace(/\/+$/, '');

/**
 * WeChat's website-application login (网站应用微信登录, scope snsapi_login) over its documented endpoints:
 * qrconnect for the QR page, sns/oauth2/access_token to redeem the code, sns/userinfo for the unionid and
 * nickname. WeChat reports errors as {errcode, errmsg} with HTTP 200, so every answer is checked for errcode.
 */
export function createWeChatLogin(options: WeChatLoginOptions): WeChatLogin {
  const call = async (path: string, query: Record<string, string>): Promise<Record<string, unknown>> => {
    const url = new URL(`${trim(options.apiBaseUrl)}${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const res = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
    if (!res.ok) throw new WeChatApiError(-1, `HTTP ${res.status}`);
    const body = (await res.json()) as Record<string, unknown>;
    if (typeof body.errcode === 'number' && body.errcode !== 0) {
      throw new WeChatApiError(body.errcode, String(body.errmsg ?? ''));
    }
    return body;
  };
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

  return {
    authorizeUrl(state, redirectUri) {
      const url = new URL(`${trim(options.openBaseUrl)}/connect/qrconnect`);
      url.searchParams.set('appid', options.appId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('scope', 'snsapi_login');
      url.searchParams.set('state', state);
      return `${url.toString()}#wechat_redirect`;
    },

    async exchangeCode(code): Promise<WeChatToken> {
      const body = await call('/sns/oauth2/access_token', {
        appid: options.appId,
        secret: options.appSecret,
        code,
        grant_type: 'authorization_code',
      });
      const openid = str(body.openid);
      const accessToken = str(body.access_token);
      if (!openid || !accessToken) throw new WeChatApiError(-1, 'access_token answer without openid/access_token');
      const unionid = str(body.unionid);
      return { openid, accessToken, ...(unionid && { unionid }) };
    },

    async userInfo(accessToken, openid): Promise<WeChatUser> {
      const body = await call('/sns/userinfo', { access_token: accessToken, openid });
      const unionid = str(body.unionid);
      return { openid: str(body.openid) ?? openid, nickname: str(body.nickname) ?? '', ...(unionid && { unionid }) };
    },
  };
}
