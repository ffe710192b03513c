import type { ObjectStore } from '../../domain/ports/object-store.ts';
import type { PiCipher } from '../../domain/ports/pi-cipher.ts';
import { assertObjectKey } from './object-key.ts';

const ENVELOPE_VERSION = 1;
/** What the backend sees: ciphertext, so it must not advertise (or let a browser sniff) an image type. */
const SEALED_CONTENT_TYPE = 'application/octet-stream';

/**
 * Wraps a store so that bytes are encrypted at rest with the PI cipher (AEAD): uploaded ID photos and
 * verification videos are sensitive personal data (PIPL art. 28, spec A36). Decryption failures throw.
 *
 * The port's cipher takes no associated data, so the key is sealed inside the plaintext envelope
 * `[version u8][key length u16 BE][key utf-8][bytes]` and checked on read. That stops someone with write access
 * to the bucket from swapping one applicant's ciphertext in under another applicant's key.
 */
export function createEncryptedObjectStore(inner: ObjectStore, cipher: PiCipher): ObjectStore {
  return {
    async put(key, bytes) {
      assertObjectKey(key);
      await inner.put(key, cipher.encryptBytes(seal(key, bytes)), SEALED_CONTENT_TYPE);
    },

    async get(key) {
      assertObjectKey(key);
      const sealed = await inner.get(key);
      if (sealed === null) return null;
      return open(key, cipher.decryptBytes(sealed));
    },

    delete: (key) => inner.delete(key),
  };
}

function seal(key: string, bytes: Uint8Array): Uint8Array {
  const keyBytes = Buffer.from(key, 'utf8');
  const header = Buffer.alloc(3);
  header.writeUInt8(ENVELOPE_VERSION, 0);
  header.writeUInt16BE(keyBytes.length, 1);
  return Buffer.concat([header, keyBytes, bytes]);
}

function open(key: string, plain: Uint8Array): Uint8Array {
  const buf = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
  if (buf.length < 3 || buf.readUInt8(0) !== ENVELOPE_VERSION) {
    throw new Error(`stored object ${key} has an unknown envelope`);
  }
  const keyEnd = 3 + buf.readUInt16BE(1);
  if (keyEnd > buf.length || buf.toString('utf8', 3, keyEnd) !== key) {
    throw new Error(`stored object ${key} was sealed for a different key`);
  }
  return buf.subarray(keyEnd);
}
