import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPiCipher } from './pi-cipher.ts';

const masterKey = randomBytes(32);
const cipher = createPiCipher({ masterKey });

/** Flips one bit of the decoded payload of a text token and re-encodes it. */
const tamperText = (token: string, index: number): string => {
  const [v, k, payload] = token.split('.');
  const bytes = Buffer.from(payload!, 'base64url');
  bytes[index % bytes.length]! ^= 0x01;
  return `${v}.${k}.${bytes.toString('base64url')}`;
};

describe('createPiCipher', () => {
  const person = { name: '张三', idNumber: '11010519491231002X', mobile: '13812345678' };

  it('asvs-11.3.2 round-trips JSON through a v1 token that names its key id', () => {
    const token = cipher.encryptJson(person);
    expect(token).toMatch(/^v1\.k1\.[A-Za-z0-9_-]+$/);
    expect(token).not.toContain('1381234');
    expect(cipher.decryptJson(token)).toEqual(person);
  });

  it('asvs-11.3.2 round-trips bytes', () => {
    const plain = new Uint8Array(randomBytes(1000));
    const sealed = cipher.encryptBytes(plain);
    expect(Buffer.from(sealed).includes(Buffer.from(plain.subarray(0, 16)))).toBe(false);
    expect(Buffer.from(cipher.decryptBytes(sealed))).toEqual(Buffer.from(plain));
  });

  it('asvs-11.3.3 uses a fresh IV per encryption', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => cipher.encryptJson(person)));
    expect(tokens.size).toBe(50);
    const ivs = new Set(
      [...tokens].map((t) => Buffer.from(t.split('.')[2]!, 'base64url').subarray(0, 12).toString('hex')),
    );
    expect(ivs.size).toBe(50);
  });

  it('mlps-3 detects a flipped bit anywhere in a text token (iv, tag or ciphertext)', () => {
    const token = cipher.encryptJson(person);
    const length = Buffer.from(token.split('.')[2]!, 'base64url').length;
    for (let i = 0; i < length; i++) expect(() => cipher.decryptJson(tamperText(token, i))).toThrow();
  });

  it('mlps-3 detects a flipped bit anywhere in a byte token', () => {
    const sealed = cipher.encryptBytes(Buffer.from('ID card photo bytes'));
    for (let i = 0; i < sealed.length; i++) {
      const copy = Buffer.from(sealed);
      copy[i]! ^= 0x01;
      expect(() => cipher.decryptBytes(copy)).toThrow();
    }
  });

  it('refuses a token relabelled with another key id or version', () => {
    const token = cipher.encryptJson(person);
    expect(() => cipher.decryptJson(token.replace(/^v1\.k1\./, 'v1.k2.'))).toThrow();
    expect(() => cipher.decryptJson(token.replace(/^v1\./, 'v2.'))).toThrow();
    expect(() => cipher.decryptJson('v1.k1')).toThrow();
  });

  it('cannot decrypt with another master key, even under the same key id', () => {
    const other = createPiCipher({ masterKey: randomBytes(32) });
    expect(() => other.decryptJson(cipher.encryptJson(person))).toThrow();
  });

  it('refuses keys of the wrong size and key ids with dots', () => {
    expect(() => createPiCipher({ masterKey: randomBytes(16) })).toThrow(/32 bytes/);
    expect(() => createPiCipher({ masterKey, keyId: 'a.b' })).toThrow();
  });

  describe('blindIndex', () => {
    it('pi-1 is stable for the same key and normalises case, width and surrounding spaces', () => {
      const a = cipher.blindIndex('certificate-number', '11010519491231002X');
      expect(a).toMatch(/^[0-9a-f]{64}$/);
      expect(cipher.blindIndex('certificate-number', ' 11010519491231002x ')).toBe(a);
      // Full-width digits and letter, as typed with a Chinese IME.
      expect(cipher.blindIndex('certificate-number', '１１０１０５１９４９１２３１００２Ｘ')).toBe(a);
      expect(createPiCipher({ masterKey }).blindIndex('certificate-number', '11010519491231002X')).toBe(a);
    });

    it('pi-1 separates purposes and keys', () => {
      const a = cipher.blindIndex('certificate-number', '13812345678');
      expect(cipher.blindIndex('mobile', '13812345678')).not.toBe(a);
      expect(cipher.blindIndex('certificate-numbe', 'r13812345678')).not.toBe(a);
      expect(createPiCipher({ masterKey: randomBytes(32) }).blindIndex('certificate-number', '13812345678')).not.toBe(
        a,
      );
    });

    it('differs from a plain SHA-256 or an HMAC under the master key (sub-keys are derived)', async () => {
      const { createHash, createHmac } = await import('node:crypto');
      const idx = cipher.blindIndex('p', 'V');
      expect(idx).not.toBe(createHash('sha256').update('p\0V').digest('hex'));
      expect(idx).not.toBe(createHmac('sha256', masterKey).update('p\0V').digest('hex'));
    });
  });
});
