/**
 * DEVELOPMENT ONLY. The demo staff's authenticator secrets are published (README, e2e, scripts/totp-code.ts) so a
 * newcomer and the browser tests can pass the staff second factor; like the demo passwords they only ever exist in
 * the development seed, which production refuses (SEED_DEMO). Base32, 160 bits, as any authenticator app takes it.
 * No imports: the e2e helpers and scripts read this without loading server code.
 */
export const DEMO_TOTP_SECRETS: Readonly<Record<string, string>> = {
  'reviewer@demo.beian.local': 'BEIANDEMOREVIEWERTOTPSECRETAAAAA',
  'senior@demo.beian.local': 'BEIANDEMOSENIORTOTPSECRETAAAAAAA',
  'admin@demo.beian.local': 'BEIANDEMOADMINTOTPSECRETAAAAAAAA',
};

export const demoTotpSecret = (email: string): string | undefined => DEMO_TOTP_SECRETS[email.trim().toLowerCase()];
