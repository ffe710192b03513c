import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PiCipher } from '../../../domain/ports/pi-cipher.ts';

/**
 * AES-256-GCM byte cipher for storage tests (`iv | tag | ciphertext`). Only the byte methods exist; the real
 * PiCipher lives with the crypto adapter and is not needed to prove the storage wrapper's behaviour.
 */
export function createTestCipher(key: Buffer = randomBytes(32)): PiCipher {
  const unused = (): never => {
    throw new Error('not implemented in the storage test cipher');
  };
  return {
    encryptBytes(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptBytes(sealed) {
      const buf = Buffer.from(sealed);
      if (buf.length < 28) throw new Error('sealed bytes too short');
      const d = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]);
    },
    encryptJson: unused,
    decryptJson: unused,
    blindIndex: unused,
  };
}
