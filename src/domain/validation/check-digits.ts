/**
 * Check-character arithmetic of the three Chinese identifier standards. Each returns null for a body that
 * contains a character outside its alphabet, so callers can report a format error instead of a checksum one.
 */

const MOD11_2_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const MOD11_2_CHECKS = '10X98765432';

/** ISO 7064 MOD 11-2 over 17 digits (GB 11643 resident IDs, residence permits, 2023 PR cards). */
export function mod11_2CheckChar(body17: string): string | null {
  if (!/^\d{17}$/.test(body17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * MOD11_2_WEIGHTS[i]!;
  return MOD11_2_CHECKS[sum % 11]!;
}

/** The 31 characters of GB 32100; I, O, Z, S and V are left out because they read like digits. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100 modulus-31 check character over the first 17 characters. */
export function usccCheckChar(body17: string): string | null {
  if (body17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(body17[i]!);
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

const ORG_CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * GB 11714 check character over an 8-character body. Letters are worth 10..35, so modulo 11 some of them
 * alias digits (B, M and X count like 0; C, N and Y like 1): the standard cannot catch such substitutions, and neither can we.
 */
export function orgCodeCheckChar(body8: string): string | null {
  if (body8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = ORG_CODE_ALPHABET.indexOf(body8[i]!);
    if (value < 0) return null;
    sum += value * ORG_CODE_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
