/**
 * Encryption of personal data at rest (AES-256-GCM) and keyed blind indexes for lookups without decrypting.
 * Tokens carry a key id so keys can rotate.
 */
export interface PiCipher {
  /** Encrypts a JSON-serialisable value into a self-describing text token. */
  encryptJson(value: unknown): string;
  /** Decrypts a token from encryptJson; throws when the token was altered. */
  decryptJson<T = unknown>(token: string): T;
  encryptBytes(plain: Uint8Array): Uint8Array;
  decryptBytes(sealed: Uint8Array): Uint8Array;
  /** HMAC of a normalised value, separated by purpose (e.g. 'certificate-number'). */
  blindIndex(purpose: string, value: string): string;
}
