import type { Config } from '../../config.ts';
import type { PublicConfig } from '../../contracts/public-config-api.ts';
import {
  MIIT_SMS_MAX_RESENDS,
  MIIT_SMS_MAX_WRONG_ATTEMPTS,
  MIIT_SMS_VERIFICATION_URL,
} from '../../domain/sms-limits.ts';

/**
 * Where the responsible persons enter their SMS code. In production it is MIIT's own site; in development the
 * regulator simulator service (REGULATOR_URL, which `serve` points at the simulator it starts) has the page at
 * /sms. The in-process simulator has no pages, so MIIT's address stands.
 */
export function publicConfig(
  config: Pick<
    Config,
    | 'NODE_ENV'
    | 'REGULATOR'
    | 'REGULATOR_URL'
    | 'SMS_WINDOW_HOURS'
    | 'LOCAL_PASSWORD_SIGNIN'
    | 'OIDC_ISSUER'
    | 'OIDC_CLIENT_ID'
    | 'OIDC_PROVIDER_NAME_ZH'
    | 'OIDC_PROVIDER_NAME_EN'
    | 'WECHAT_APP_ID'
    | 'WECHAT_APP_SECRET'
  >,
): PublicConfig {
  const simulated = config.NODE_ENV !== 'production' && config.REGULATOR === 'http';
  return {
    smsVerification: {
      url: simulated ? `${config.REGULATOR_URL.replace(/\/+$/, '')}/sms` : MIIT_SMS_VERIFICATION_URL,
      simulated,
      windowHours: config.SMS_WINDOW_HOURS,
      maxResends: MIIT_SMS_MAX_RESENDS,
      maxWrongAttempts: MIIT_SMS_MAX_WRONG_ATTEMPTS,
    },
    // The same conditions under which compose.ts wires the adapters.
    signIn: {
      password: config.LOCAL_PASSWORD_SIGNIN,
      oidc:
        config.OIDC_ISSUER && config.OIDC_CLIENT_ID
          ? { providerName: { zh: config.OIDC_PROVIDER_NAME_ZH, en: config.OIDC_PROVIDER_NAME_EN } }
          : null,
      wechat: Boolean(config.WECHAT_APP_ID && config.WECHAT_APP_SECRET),
    },
  };
}
