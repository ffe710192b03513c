import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  apiDocsEnabled,
  ConfigError,
  devIdpEnabled,
  devOutboxEnabled,
  devWeChatStandInEnabled,
  loadConfig,
  publicBaseUrl,
} from './config.ts';

const production = (extra: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  PI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  REGULATOR_API_KEY: 'a-real-regulator-api-key',
  REGULATOR_CALLBACK_SECRET: 'a-real-callback-secret',
  PUBLIC_BASE_URL: 'https://beian.example.cn',
  ...extra,
});
const realProviders = {
  SMS_PROVIDER: 'http',
  SMS_HTTP_URL: 'https://sms.example.cn/send',
  EMAIL_TRANSPORT: 'smtp',
  SMTP_HOST: 'smtp.example.cn',
};

describe('issue-6.12 production defaults', () => {
  it('refuses the development outboxes in production, naming both settings', () => {
    expect(() => loadConfig(production())).toThrow(ConfigError);
    expect(() => loadConfig(production())).toThrow(/SMS_PROVIDER: the development outbox is refused in production/);
    expect(() => loadConfig(production({ ...realProviders, EMAIL_TRANSPORT: 'outbox' }))).toThrow(
      /EMAIL_TRANSPORT: the development outbox/,
    );
  });

  it('accepts them in production only when enabled explicitly', () => {
    const config = loadConfig(production({ DEV_OUTBOX_ENABLED: 'true' }));
    expect(devOutboxEnabled(config)).toBe(true);
    const real = loadConfig(production(realProviders));
    expect(devOutboxEnabled(real)).toBe(false);
    expect(devOutboxEnabled(loadConfig({}))).toBe(true);
  });

  it('serves the API docs page by default outside production only; a setting either way', () => {
    expect(apiDocsEnabled(loadConfig({}))).toBe(true);
    expect(apiDocsEnabled(loadConfig({ API_DOCS: 'false' }))).toBe(false);
    expect(apiDocsEnabled(loadConfig(production(realProviders)))).toBe(false);
    expect(apiDocsEnabled(loadConfig(production({ ...realProviders, API_DOCS: 'true' })))).toBe(true);
  });

  it('requires the staff second factor by default, and cannot turn it off in production', () => {
    expect(loadConfig({}).STAFF_TOTP_REQUIRED).toBe(true);
    expect(loadConfig({ STAFF_TOTP_REQUIRED: 'false' }).STAFF_TOTP_REQUIRED).toBe(false);
    expect(loadConfig(production(realProviders)).STAFF_TOTP_REQUIRED).toBe(true);
    expect(() => loadConfig(production({ ...realProviders, STAFF_TOTP_REQUIRED: 'false' }))).toThrow(
      /STAFF_TOTP_REQUIRED: staff must sign in with a second factor in production/,
    );
  });
});

describe('deployment settings', () => {
  it('takes TRUST_PROXY as addresses or CIDRs and refuses anything else', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).TRUST_PROXY).toBe('10.0.0.0/8, 127.0.0.1,::1');
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: comma-separated IP addresses/);
  });

  it('runs the worker inside serve unless WORKER_ENABLED is off', () => {
    expect(loadConfig({}).WORKER_ENABLED).toBe(true);
    expect(loadConfig({ WORKER_ENABLED: 'false' }).WORKER_ENABLED).toBe(false);
  });
});

describe('issue-9 provider sign-in settings', () => {
  it('starts the development IdP and WeChat stand-in by default in development only, and refuses them in production', () => {
    expect(devIdpEnabled(loadConfig({}))).toBe(true);
    expect(devWeChatStandInEnabled(loadConfig({}))).toBe(true);
    expect(devIdpEnabled(loadConfig({ NODE_ENV: 'test' }))).toBe(false);
    expect(devIdpEnabled(loadConfig(production(realProviders)))).toBe(false);
    expect(() => loadConfig(production({ ...realProviders, DEV_IDP: 'true' }))).toThrow(
      /DEV_IDP: development identity/,
    );
    expect(() => loadConfig(production({ ...realProviders, DEV_WECHAT_STAND_IN: 'true' }))).toThrow(
      /DEV_WECHAT_STAND_IN: development identity/,
    );
  });

  it('needs the client id with an issuer, the secret with a WeChat app, and the public URL in production', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example.cn' })).toThrow(/OIDC_CLIENT_ID: is required/);
    expect(() => loadConfig({ WECHAT_APP_ID: 'wx1' })).toThrow(/WECHAT_APP_SECRET: is required/);
    const oidc = { OIDC_ISSUER: 'https://idp.example.cn', OIDC_CLIENT_ID: 'beian' };
    const noBase = { PUBLIC_BASE_URL: '' };
    expect(() => loadConfig(production({ ...realProviders, ...oidc, ...noBase }))).toThrow(
      /PUBLIC_BASE_URL: is required/,
    );
    // Without any provider sign-in too: the phone links sent by SMS derive from it.
    expect(() => loadConfig(production({ ...realProviders, ...noBase }))).toThrow(/PUBLIC_BASE_URL: is required/);
    expect(loadConfig({}).PUBLIC_BASE_URL).toBeUndefined();
    const ok = loadConfig(production({ ...realProviders, ...oidc, PUBLIC_BASE_URL: 'https://beian.example.cn/' }));
    expect(publicBaseUrl(ok)).toBe('https://beian.example.cn');
    expect(ok.OIDC_SUB_ACCOUNT_VALUES).toEqual(['sub', 'ram']);
  });

  it('refuses turning local password sign-in off in production with no provider sign-in to replace it', () => {
    expect(loadConfig({}).LOCAL_PASSWORD_SIGNIN).toBe(true);
    expect(() => loadConfig(production({ ...realProviders, LOCAL_PASSWORD_SIGNIN: 'false' }))).toThrow(
      /LOCAL_PASSWORD_SIGNIN: applicants would have no way to sign in/,
    );
  });
});
