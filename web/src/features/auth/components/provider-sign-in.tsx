import { Button } from 'antd';
import type { PublicConfig } from '../../../../../src/contracts/public-config-api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { providerStartUrl } from '../api/public-sign-in-methods.ts';
import { authText } from '../messages.ts';

/**
 * The provider's account button (OpenID Connect) and WeChat's, as plain links: the sign-in leaves the app for the
 * identity provider and comes back through the server's callback with the session cookie set.
 */
export function ProviderSignIn({ methods, returnTo }: { methods: PublicConfig['signIn']; returnTo?: string }) {
  const { t, locale } = useI18n();
  if (!methods.oidc && !methods.wechat) return null;
  const name = methods.oidc ? (locale === 'zh-CN' ? methods.oidc.providerName.zh : methods.oidc.providerName.en) : '';
  return (
    <div style={{ display: 'grid', gap: 12, marginBottom: 16 }}>
      {methods.oidc && (
        <Button type="primary" size="large" block href={providerStartUrl('oidc', returnTo)}>
          {t(authText.withProvider, { name })}
        </Button>
      )}
      {methods.wechat && (
        <Button size="large" block href={providerStartUrl('wechat', returnTo)}>
          {t(authText.withWeChat)}
        </Button>
      )}
    </div>
  );
}
