import { totpCodeAt } from '../src/adapters/auth/totp.ts';
import { DEMO_TOTP_SECRETS, demoTotpSecret } from '../src/seed/demo-totp-secrets.ts';

/**
 * `npx tsx scripts/totp-code.ts <email>` — the current authenticator code of a demo staff account (development
 * seed only; the secrets are published in the README). Any authenticator app given the same secret shows the same.
 */
const email = process.argv[2];
const secret = email ? demoTotpSecret(email) : undefined;
if (!secret) {
  process.stderr.write(`usage: npx tsx scripts/totp-code.ts <${Object.keys(DEMO_TOTP_SECRETS).join('|')}>\n`);
  process.exit(2);
}
const now = new Date();
const secondsLeft = 30 - (Math.floor(now.getTime() / 1000) % 30);
process.stdout.write(`${totpCodeAt(secret, now)}  (valid for ${secondsLeft} more s)\n`);
