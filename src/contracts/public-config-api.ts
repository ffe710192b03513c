import { z } from 'zod';

/**
 * GET /api/v1/public/config: the facts the browser needs about this deployment. The MIIT SMS verification page
 * is https://beian.miit.gov.cn/ in production and the regulator simulator's /sms page in development.
 */
export const PublicConfigSchema = z.object({
  smsVerification: z.object({
    url: z.string(),
    /** True when the URL is the simulator standing in for MIIT. */
    simulated: z.boolean(),
    windowHours: z.number().int(),
    maxResends: z.number().int(),
    maxWrongAttempts: z.number().int(),
  }),
  /** Which sign-in methods the sign-in page offers (LOCAL_PASSWORD_SIGNIN, OIDC_ISSUER, WECHAT_APP_ID). */
  signIn: z.object({
    password: z.boolean(),
    /** The provider's accounts over OpenID Connect, with the name on the button (使用<name>账号登录). */
    oidc: z.object({ providerName: z.object({ zh: z.string(), en: z.string() }) }).nullable(),
    wechat: z.boolean(),
  }),
});
export type PublicConfig = z.infer<typeof PublicConfigSchema>;
