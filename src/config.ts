import { z } from 'zod';
import { DEFAULT_UPLOAD_MAX_BYTES, DEFAULT_UPLOAD_MAX_PIXELS } from './contracts/material-api.ts';
import { PROVINCE_CODES } from './domain/province/provinces.ts';

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);
const bool = z.preprocess(
  (v) => (v === undefined || v === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(v).toLowerCase())),
  z.boolean().optional(),
);

/**
 * Every environment variable the platform reads, parsed once. The README's configuration table documents the
 * same list; a bad value stops start-up with the variable's name and the reason.
 */
export const ConfigSchema = z
  .object({
    NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(['development', 'production', 'test']).default('development')),
    PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
    HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
    DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    LOG_LEVEL: z.preprocess(
      emptyAsUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    /** 32-byte key, base64. Without it the development key under DATA_DIR is used (refused in production). */
    PI_ENCRYPTION_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
    /**
     * The load balancers in front of the platform: comma-separated addresses or CIDRs (e.g. `10.0.0.0/8`) whose
     * X-Forwarded-For is believed, so per-client limits and logs see the client, not the balancer. Empty: the
     * header is ignored (a client could forge it).
     */
    TRUST_PROXY: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[0-9a-fA-F.:/]+(,\s*[0-9a-fA-F.:/]+)*$/, 'comma-separated IP addresses or CIDR ranges')
        .optional(),
    ),
    /** Secure (`__Host-`) session cookie. Defaults to on in production. */
    COOKIE_SECURE: bool,
    /**
     * Milliseconds a resolved session is remembered by this process (0 = off). Logout and user changes in this
     * process apply at once; another instance sees a logout at most this much later.
     */
    SESSION_CACHE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(10_000).default(2000)),
    SESSION_IDLE_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(30)),
    SESSION_ABSOLUTE_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(12)),
    STORAGE: z.preprocess(emptyAsUndefined, z.enum(['fs', 's3']).default('fs')),
    S3_BUCKET: z.preprocess(emptyAsUndefined, z.string().optional()),
    S3_REGION: z.preprocess(emptyAsUndefined, z.string().default('us-east-1')),
    S3_ENDPOINT: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    S3_ACCESS_KEY_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
    S3_SECRET_ACCESS_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
    UPLOAD_MAX_BYTES: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(1024).default(DEFAULT_UPLOAD_MAX_BYTES),
    ),
    UPLOAD_MAX_PIXELS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(1).default(DEFAULT_UPLOAD_MAX_PIXELS),
    ),
    /** Where the website responsible person's authenticity verification happens (domain.md §3.2). */
    VERIFICATION_STAGE: z.preprocess(
      emptyAsUndefined,
      z.enum(['after_provider_review', 'before_submit']).default('after_provider_review'),
    ),
    SMS_WINDOW_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(24)),
    /**
     * The provider's review promise (SLA), in Chinese working days from entering 初审 or the authenticity review;
     * PROVIDER_REVIEW_SLA_BY_PROVINCE overrides it per province as JSON, e.g. {"guangdong":2,"hainan":0.5}.
     */
    PROVIDER_REVIEW_SLA_WORKING_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(30).default(1)),
    PROVIDER_REVIEW_SLA_BY_PROVINCE: z.preprocess(
      (v) => {
        if (v === undefined || v === '') return {};
        try {
          return JSON.parse(String(v));
        } catch {
          return v; // reported by the schema below as not an object
        }
      },
      z.partialRecord(z.enum(PROVINCE_CODES), z.number().positive().max(30)).default({}),
    ),
    DRAFT_IDLE_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(45)),
    /** How often the worker sweeps deadlines, drains the outbox and polls the regulator. */
    WORKER_INTERVAL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(50).default(2000)),
    /**
     * Whether `serve` also runs the background worker. Safe on every instance (rows are claimed under SKIP LOCKED,
     * each job runs once); turn it off on web-only instances when the worker runs elsewhere (`beian worker`).
     */
    WORKER_ENABLED: z.preprocess(
      (v) => (v === undefined || v === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(v).toLowerCase())),
      z.boolean().default(true),
    ),
    /**
     * How the platform reaches the regulator: `http` (the real gateway adapter, against the simulator service or a
     * real endpoint at REGULATOR_URL) or `in_process` (the simulator inside this process, a fast fake).
     */
    REGULATOR: z.preprocess(emptyAsUndefined, z.enum(['http', 'in_process']).default('http')),
    REGULATOR_URL: z.preprocess(emptyAsUndefined, z.string().url().default('http://127.0.0.1:3001')),
    /** Bearer key the platform presents to the regulator's gateway API. */
    REGULATOR_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(16).default('dev-regulator-api-key-change-me')),
    /** Shared secret for the regulator's signed callbacks (HMAC-SHA256). */
    REGULATOR_CALLBACK_SECRET: z.preprocess(
      emptyAsUndefined,
      z.string().min(16).default('dev-callback-secret-change-me'),
    ),
    REGULATOR_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).default(10_000)),
    /**
     * Where the account's real-name verification (实名认证) comes from: `seeded` (the platform's own table, which
     * admins fill; outside production an account marked verified without an identity takes the subject it files)
     * or `http` (the provider's registry at REAL_NAME_URL, docs/integrations/real-name-registry.md).
     */
    REAL_NAME_REGISTRY: z.preprocess(emptyAsUndefined, z.enum(['seeded', 'http']).default('seeded')),
    REAL_NAME_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    REAL_NAME_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16).optional()),
    REAL_NAME_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).default(5_000)),
    /**
     * Where servers and public IPs come from: `seeded` (the platform's `resources` table, filled by admins and the
     * demo seed) or `http` (the provider's inventory API at INVENTORY_URL, docs/integrations/resource-inventory.md).
     */
    RESOURCE_INVENTORY: z.preprocess(emptyAsUndefined, z.enum(['seeded', 'http']).default('seeded')),
    INVENTORY_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    INVENTORY_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16).optional()),
    INVENTORY_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).default(5_000)),
    /** How often the worker looks again at each filed website's access resource (released or expired?). */
    ACCESS_CHECK_INTERVAL_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().min(0.01).max(720).default(6)),
    /** Simulator service: port, whether `serve` starts it beside the platform, and where it sends callbacks. */
    SIM_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3001)),
    SIM_ENABLED: bool,
    SIM_CALLBACK_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    /** Notifications: SMS through a generic HTTP provider or the development outbox; e-mail over SMTP or the outbox. */
    SMS_PROVIDER: z.preprocess(emptyAsUndefined, z.enum(['outbox', 'http']).default('outbox')),
    SMS_HTTP_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    SMS_HTTP_TOKEN: z.preprocess(emptyAsUndefined, z.string().optional()),
    EMAIL_TRANSPORT: z.preprocess(emptyAsUndefined, z.enum(['outbox', 'smtp']).default('outbox')),
    SMTP_HOST: z.preprocess(emptyAsUndefined, z.string().optional()),
    SMTP_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(587)),
    SMTP_SECURE: bool,
    SMTP_USER: z.preprocess(emptyAsUndefined, z.string().optional()),
    SMTP_PASS: z.preprocess(emptyAsUndefined, z.string().optional()),
    MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('beian <noreply@beian.local>')),
    /** Simulator: review policy of every province unless changed through its API. */
    SIM_ADMIN_POLICY: z.preprocess(emptyAsUndefined, z.enum(['manual', 'auto_approve']).default('manual')),
    SIM_ADMIN_DELAY_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(10)),
    /** Public lookup requests per minute and client IP. */
    PUBLIC_LOOKUP_RATE_LIMIT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(120)),
    /** Requests per minute and client IP to the anonymous phone-verification routes (open link, upload). */
    VERIFY_LINK_RATE_LIMIT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(30)),
    /** Minutes a phone verification link (QR code / SMS) stays valid. */
    VERIFY_LINK_TTL_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(60).default(10)),
    /**
     * Login and registration attempts per minute and client IP (issue 6 item 9), on top of the per-address lock.
     * Generous for people behind one NAT and for the test suite; tests that check the 429 set them low.
     */
    LOGIN_RATE_LIMIT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(100)),
    REGISTER_RATE_LIMIT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(30)),
    /**
     * How orders approved by the provider reach the regulator until staff change it in the back office: `auto`
     * (the worker sends at once) or `manual` (held until a reviewer forwards them, singly or in a batch).
     */
    FORWARDING_MODE: z.preprocess(emptyAsUndefined, z.enum(['auto', 'manual']).default('auto')),
    /**
     * Seconds a reviewer's claim on an order lasts without renewal. The review screen renews it every third of
     * this while it is open, so an abandoned screen frees the order after at most this long.
     */
    REVIEW_CLAIM_LEASE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(5).max(3600).default(300)),
    /** Seconds a public lookup answer may be served from memory (0 = always from the database). */
    PUBLIC_LOOKUP_CACHE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(3600).default(5)),
    /**
     * Seconds an Idempotency-Key stays "in progress" for the attempt that holds it; a retry after that runs again
     * (a process killed mid-request leaves no key stuck). Keep it above the longest request.
     */
    IDEMPOTENCY_LEASE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(30)),
    /**
     * The development SMS/e-mail outboxes (SMS_PROVIDER=outbox, EMAIL_TRANSPORT=outbox): messages are kept in the
     * database and admins list them with unmasked recipients. On by default outside production; in production
     * start-up refuses them unless this is set to true explicitly (issue 6 item 12).
     */
    DEV_OUTBOX_ENABLED: bool,
    /** Milliseconds a webhook receiver has to answer one delivery attempt before it counts as failed. */
    // At most half the outbox lease (60 s), so a slow receiver never lets a second worker take the same row.
    WEBHOOK_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).max(30_000).default(5000)),
    /** Attempts of one webhook delivery (with the outbox's backoff in between) before it is marked failed. */
    WEBHOOK_MAX_ATTEMPTS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(50).default(12)),
    /**
     * Whether webhook targets may be private, loopback or link-local addresses (SSRF guard). Defaults to on
     * outside production (a receiver on localhost while developing) and off in production.
     */
    WEBHOOK_ALLOW_PRIVATE_TARGETS: bool,
    /** The interactive API documentation page at /api/docs. Defaults to on, and off in production. */
    API_DOCS: bool,
    /** Seed demo accounts and resources on start when the database is empty. */
    SEED_DEMO: bool,
    /**
     * Development stand-in for the provider's real-name registry and inventory: a self-registered account is
     * treated as real-name verified and gets the demo cloud servers, so a newcomer can file from the sign-up page
     * on. Defaults to on in development only; refused in production (real-name status comes from the provider).
     */
    DEV_SIGNUP_STAND_IN: bool,
    /**
     * Staff (reviewer, senior reviewer, admin) sign in with a TOTP second factor. On by default and always on in
     * production; integration tests that are not about the second factor turn it off.
     */
    /**
     * Where browsers reach this platform (scheme, host, port), e.g. https://beian.example.com. The OpenID Connect
     * and WeChat redirect URIs and the phone verification links are derived from it. Required in production;
     * elsewhere the redirects default to http://HOST:PORT and the phone links to the address the browser used.
     */
    PUBLIC_BASE_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    /**
     * Applicants sign in with an e-mail and password of this platform (and may register). On by default; a
     * provider that only lets its own accounts file turns it off, and then /auth/login and /auth/register refuse
     * applicants and sub-accounts. Staff always sign in with their password and the TOTP second factor.
     */
    LOCAL_PASSWORD_SIGNIN: z.preprocess(
      (v) => (v === undefined || v === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(v).toLowerCase())),
      z.boolean().default(true),
    ),
    /** Sign-in with the provider's accounts over OpenID Connect (issue 9): the IdP's issuer URL and this client. */
    OIDC_ISSUER: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    OIDC_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
    OIDC_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
    OIDC_SCOPES: z.preprocess(emptyAsUndefined, z.string().default('openid email profile')),
    /** The provider's name on the sign-in button: 使用<zh>账号登录 / Sign in with <en> account. */
    OIDC_PROVIDER_NAME_ZH: z.preprocess(emptyAsUndefined, z.string().max(20).default('京东云')),
    OIDC_PROVIDER_NAME_EN: z.preprocess(emptyAsUndefined, z.string().max(30).default('JD Cloud')),
    /**
     * The claim (ID token or userinfo) that marks the provider's sub-accounts, and its values that do. Such a
     * sign-in is refused: sub-accounts cannot file (子账号不支持备案).
     */
    OIDC_SUB_ACCOUNT_CLAIM: z.preprocess(emptyAsUndefined, z.string().default('account_type')),
    OIDC_SUB_ACCOUNT_VALUES: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .default('sub,ram')
        .transform((v) =>
          v
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        ),
    ),
    /**
     * A development OpenID provider started beside the platform (oidc-provider, demo users), used as OIDC_ISSUER
     * unless that is set. On by default in development only; refused in production.
     */
    DEV_IDP: bool,
    DEV_IDP_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3002)),
    /** WeChat website-application QR login (网站应用微信登录): the app's credentials from open.weixin.qq.com. */
    WECHAT_APP_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
    WECHAT_APP_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
    WECHAT_OPEN_BASE_URL: z.preprocess(emptyAsUndefined, z.string().url().default('https://open.weixin.qq.com')),
    WECHAT_API_BASE_URL: z.preprocess(emptyAsUndefined, z.string().url().default('https://api.weixin.qq.com')),
    /**
     * A stand-in for WeChat's QR login pages and APIs started beside the platform, with demo WeChat users. On by
     * default in development only; refused in production.
     */
    DEV_WECHAT_STAND_IN: bool,
    DEV_WECHAT_STAND_IN_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3003)),
    STAFF_TOTP_REQUIRED: z.preprocess(
      (v) => (v === undefined || v === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(v).toLowerCase())),
      z.boolean().default(true),
    ),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && !c.PI_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['PI_ENCRYPTION_KEY'], message: 'is required in production' });
    }
    if (c.PI_ENCRYPTION_KEY && Buffer.from(c.PI_ENCRYPTION_KEY, 'base64').length !== 32) {
      ctx.addIssue({ code: 'custom', path: ['PI_ENCRYPTION_KEY'], message: 'must be 32 bytes, base64-encoded' });
    }
    if (c.NODE_ENV === 'production' && c.SEED_DEMO) {
      ctx.addIssue({
        code: 'custom',
        path: ['SEED_DEMO'],
        message: 'demo accounts with published passwords are refused in production',
      });
    }
    if (
      c.NODE_ENV === 'production' &&
      (c.REGULATOR_API_KEY.startsWith('dev-') || c.REGULATOR_CALLBACK_SECRET.startsWith('dev-'))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['REGULATOR_API_KEY'],
        message: 'set real regulator credentials in production',
      });
    }
    if (c.NODE_ENV === 'production' && !c.DEV_OUTBOX_ENABLED) {
      for (const [key, value] of [
        ['SMS_PROVIDER', c.SMS_PROVIDER],
        ['EMAIL_TRANSPORT', c.EMAIL_TRANSPORT],
      ] as const) {
        if (value === 'outbox') {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message:
              'the development outbox is refused in production (it keeps messages with unmasked recipients); ' +
              'configure a real provider, or set DEV_OUTBOX_ENABLED=true explicitly',
          });
        }
      }
    }
    if (c.NODE_ENV === 'production' && c.DEV_SIGNUP_STAND_IN) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEV_SIGNUP_STAND_IN'],
        message: 'self-registered accounts cannot be treated as real-name verified in production',
      });
    }
    if (c.NODE_ENV === 'production' && !c.STAFF_TOTP_REQUIRED) {
      ctx.addIssue({
        code: 'custom',
        path: ['STAFF_TOTP_REQUIRED'],
        message: 'staff must sign in with a second factor in production',
      });
    }
    for (const key of ['DEV_IDP', 'DEV_WECHAT_STAND_IN'] as const) {
      if (c.NODE_ENV === 'production' && c[key]) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'development identity stand-ins are refused in production',
        });
      }
    }
    if (c.OIDC_ISSUER && !c.OIDC_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'is required when OIDC_ISSUER is set' });
    }
    if (c.WECHAT_APP_ID && !c.WECHAT_APP_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['WECHAT_APP_SECRET'], message: 'is required when WECHAT_APP_ID is set' });
    }
    if (c.NODE_ENV === 'production' && !c.PUBLIC_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_BASE_URL'],
        message: 'is required in production (the phone links sent by SMS and the sign-in redirect URIs derive from it)',
      });
    }
    if (c.NODE_ENV === 'production' && !c.LOCAL_PASSWORD_SIGNIN && !c.OIDC_ISSUER && !c.WECHAT_APP_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['LOCAL_PASSWORD_SIGNIN'],
        message: 'applicants would have no way to sign in: configure OIDC_ISSUER or WECHAT_APP_ID',
      });
    }
    if (c.SMS_PROVIDER === 'http' && !c.SMS_HTTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMS_HTTP_URL'], message: 'is required when SMS_PROVIDER=http' });
    }
    if (c.EMAIL_TRANSPORT === 'smtp' && !c.SMTP_HOST) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_HOST'], message: 'is required when EMAIL_TRANSPORT=smtp' });
    }
    for (const [mode, url, token, name] of [
      [c.REAL_NAME_REGISTRY, c.REAL_NAME_URL, c.REAL_NAME_TOKEN, 'REAL_NAME'],
      [c.RESOURCE_INVENTORY, c.INVENTORY_URL, c.INVENTORY_TOKEN, 'INVENTORY'],
    ] as const) {
      if (mode !== 'http') continue;
      const what = name === 'REAL_NAME' ? 'REAL_NAME_REGISTRY=http' : 'RESOURCE_INVENTORY=http';
      if (!url) ctx.addIssue({ code: 'custom', path: [`${name}_URL`], message: `is required when ${what}` });
      if (!token) ctx.addIssue({ code: 'custom', path: [`${name}_TOKEN`], message: `is required when ${what}` });
    }
    if (c.STORAGE === 's3' && !c.S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required when STORAGE=s3' });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;

/** Whether the development outboxes may be used and listed (see DEV_OUTBOX_ENABLED). */
export const devOutboxEnabled = (c: Pick<Config, 'NODE_ENV' | 'DEV_OUTBOX_ENABLED'>): boolean =>
  c.DEV_OUTBOX_ENABLED ?? c.NODE_ENV !== 'production';

/** Whether sign-up gives a real-name verified account with demo servers (see DEV_SIGNUP_STAND_IN). */
export const devSignupStandIn = (c: Pick<Config, 'NODE_ENV' | 'DEV_SIGNUP_STAND_IN'>): boolean =>
  c.DEV_SIGNUP_STAND_IN ?? c.NODE_ENV === 'development';

/** Whether webhook targets may resolve to private addresses (see WEBHOOK_ALLOW_PRIVATE_TARGETS). */
export const webhookAllowPrivateTargets = (c: Pick<Config, 'NODE_ENV' | 'WEBHOOK_ALLOW_PRIVATE_TARGETS'>): boolean =>
  c.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? c.NODE_ENV !== 'production';
/**
 * Whether the seeded real-name registry lets an account marked verified without an identity on file take the
 * subject it files as its identity: everywhere but production (see createSeededRealNameRegistry).
 */
export const realNameAdoptsFirstSubject = (c: Pick<Config, 'NODE_ENV'>): boolean => c.NODE_ENV !== 'production';

/** Whether /api/docs is served (see API_DOCS). */
export const apiDocsEnabled = (c: Pick<Config, 'NODE_ENV' | 'API_DOCS'>): boolean =>
  c.API_DOCS ?? c.NODE_ENV !== 'production';

/** Whether the development OpenID provider runs beside the platform (see DEV_IDP). */
export const devIdpEnabled = (c: Pick<Config, 'NODE_ENV' | 'DEV_IDP'>): boolean =>
  c.DEV_IDP ?? c.NODE_ENV === 'development';

/** Whether the WeChat stand-in runs beside the platform (see DEV_WECHAT_STAND_IN). */
export const devWeChatStandInEnabled = (c: Pick<Config, 'NODE_ENV' | 'DEV_WECHAT_STAND_IN'>): boolean =>
  c.DEV_WECHAT_STAND_IN ?? c.NODE_ENV === 'development';

/** Where browsers reach the platform, without a trailing slash (see PUBLIC_BASE_URL). */
export const publicBaseUrl = (c: Pick<Config, 'PUBLIC_BASE_URL' | 'HOST' | 'PORT'>): string =>
  (c.PUBLIC_BASE_URL ?? `http://${c.HOST}:${c.PORT}`).replace(/\/+$/, '');

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}
