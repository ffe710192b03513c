import { Secret, TOTP } from 'otpauth';

/**
 * TOTP (RFC 6238) as every authenticator app speaks it: SHA-1, 6 digits, 30-second steps, one step of clock drift
 * either way. The issuer and the account's e-mail label the entry in the app.
 */
export const TOTP_ISSUER = 'beian';
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_WINDOW = 1;
const SECRET_BYTES = 20;

const totpOf = (secretBase32: string, label = 'staff') =>
  new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });

/** A fresh 160-bit secret (RFC 4226's recommended length), base32 as apps take it for manual entry. */
export const newTotpSecret = (): string => new Secret({ size: SECRET_BYTES }).base32;

/** The otpauth:// URI a QR code carries. */
export const totpUri = (secretBase32: string, email: string): string => totpOf(secretBase32, email).toString();

/** The 30-second step a time falls in. */
export const totpStepAt = (at: Date): number => Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);

/** The code of a secret at a time (the seed's helper script and tests). */
export const totpCodeAt = (secretBase32: string, at: Date): string =>
  totpOf(secretBase32).generate({ timestamp: at.getTime() });

/** The step the code belongs to (within ±1 step of `at`), or null when it is no code of this secret now. */
export function matchTotpStep(secretBase32: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: at.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : totpStepAt(at) + delta;
}
