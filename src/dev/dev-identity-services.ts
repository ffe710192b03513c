import { type Config, devIdpEnabled, devWeChatStandInEnabled, publicBaseUrl } from '../config.ts';
import { OIDC_CALLBACK_PATH } from '../use-cases/auth/external-sign-in.ts';

/**
 * The development stand-ins for the provider's account system (an OpenID provider) and WeChat's QR login,
 * started beside the platform by `serve` when DEV_IDP / DEV_WECHAT_STAND_IN are on (development defaults). The
 * platform then reaches them through its real adapters, as configured by the answer's `config` (OIDC_ISSUER,
 * WECHAT_* pointed at them); explicitly configured real providers win over the stand-ins.
 */
export type DevIdentityServices = {
  /** The configuration the platform runs with: the given one, pointed at the stand-ins that were started. */
  config: Readonly<Config>;
  /** Lines for the start-up banner (demo users and where the stand-ins listen). */
  banner: string[];
  stop: () => Promise<void>;
};

export async function startDevIdentityServices(config: Readonly<Config>): Promise<DevIdentityServices> {
  const stops: Array<() => Promise<void>> = [];
  const banner: string[] = [];
  let effective: Config = { ...config };
  const base = publicBaseUrl(config);
  try {
    if (devIdpEnabled(config) && !config.OIDC_ISSUER) {
      const { startDevIdentityProvider, DEV_IDP_CLIENT } = await import('./identity-provider.ts');
      const idp = await startDevIdentityProvider({
        port: config.DEV_IDP_PORT,
        host: config.HOST,
        redirectUris: [`${base}${OIDC_CALLBACK_PATH}`],
        postLogoutRedirectUris: [`${base}/sign-in`],
      });
      stops.push(idp.stop);
      effective = {
        ...effective,
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: DEV_IDP_CLIENT.clientId,
        OIDC_CLIENT_SECRET: DEV_IDP_CLIENT.clientSecret,
      };
      banner.push(`  development IdP (OIDC, stands in for ${config.OIDC_PROVIDER_NAME_ZH}): ${idp.issuer}`);
      for (const u of idp.users) {
        banner.push(
          `    ${u.accountType === 'sub' ? 'sub-account (refused)' : 'main account'.padEnd(21)} ${u.username}  /  ${u.password}`,
        );
      }
    }
    if (devWeChatStandInEnabled(config) && !config.WECHAT_APP_ID) {
      const { startWeChatStandIn, WECHAT_STAND_IN_APP } = await import('./wechat-stand-in.ts');
      const wechat = await startWeChatStandIn({ port: config.DEV_WECHAT_STAND_IN_PORT, host: config.HOST });
      stops.push(wechat.stop);
      effective = {
        ...effective,
        WECHAT_APP_ID: WECHAT_STAND_IN_APP.appId,
        WECHAT_APP_SECRET: WECHAT_STAND_IN_APP.appSecret,
        WECHAT_OPEN_BASE_URL: wechat.url,
        WECHAT_API_BASE_URL: wechat.url,
      };
      banner.push(
        `  WeChat stand-in (微信扫码登录): ${wechat.url} — scan page linked from the QR page; users: ${wechat.users.map((u) => u.nickname).join(', ')}`,
      );
    }
  } catch (e) {
    await Promise.all(stops.map((s) => s()));
    throw e;
  }
  return {
    config: Object.freeze(effective),
    banner,
    stop: async () => void (await Promise.all(stops.map((s) => s()))),
  };
}
