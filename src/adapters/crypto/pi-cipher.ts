import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import type { PiCipher } from '../../domain/ports/pi-cipher.ts';

/**
 * AES-256-GCM for personal data at rest (PI-1, ASVS 11.3.2/11.3.3). The master key never encrypts anything
 * itself: HKDF derives one sub-key for encryption and one for blind indexes, so a leaked index key cannot
 * decrypt and vice versa.
 *
 * Text token: `v1.<keyId>.<base64url(iv | tag | ciphertext)>`.
 * Byte token: `0x01 | keyId length | keyId | iv | tag | ciphertext`.
 * The version and key id are bound as additional authenticated data, so a token cannot be relabelled.
 */
const VERSION = 'v1';
const BYTES_VERSION = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

const deriveKey = (masterKey: Buffer, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', masterKey, 'beian-pi-cipher', `beian/${purpose}/v1`, KEY_BYTES));

export type CreatePiCipherOptions = { masterKey: Buffer; keyId?: string };

export function createPiCipher({ masterKey, keyId = 'k1' }: CreatePiCipherOptions): PiCipher {
  if (masterKey.length !== KEY_BYTES) throw new Error(`PI master key must be ${KEY_BYTES} bytes`);
  if (!KEY_ID_PATTERN.test(keyId)) throw new Error('PI key id must match [A-Za-z0-9_-]{1,32}');
  const encKey = deriveKey(masterKey, 'encrypt');
  const indexKey = deriveKey(masterKey, 'blind-index');
  const textHeader = Buffer.from(`${VERSION}.${keyId}`);
  const bytesHeader = Buffer.concat([Buffer.from([BYTES_VERSION, keyId.length]), Buffer.from(keyId)]);

  const seal = (plain: Uint8Array, aad: Buffer): Buffer => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', encKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  };

  const open = (sealed: Buffer, aad: Buffer): Buffer => {
    if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('PI token is truncated');
    const decipher = createDecipheriv('aes-256-gcm', encKey, sealed.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    // final() throws when the tag does not match: altered ciphertext, IV, tag or header.
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  };

  return {
    encryptJson(value) {
      const sealed = seal(Buffer.from(JSON.stringify(value), 'utf8'), textHeader);
      return `${textHeader.toString()}.${sealed.toString('base64url')}`;
    },
    decryptJson<T = unknown>(token: string): T {
      const [version, tokenKeyId, payload, ...rest] = token.split('.');
      if (version !== VERSION || payload === undefined || rest.length > 0) throw new Error('Malformed PI token');
      if (tokenKeyId !== keyId) throw new Error(`PI token uses unknown key id '${tokenKeyId}'`);
      return JSON.parse(open(Buffer.from(payload, 'base64url'), textHeader).toString('utf8')) as T;
    },
    encryptBytes(plain) {
      return Buffer.concat([bytesHeader, seal(plain, bytesHeader)]);
    },
    decryptBytes(sealed) {
      const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      if (buf[0] !== BYTES_VERSION) throw new Error('Malformed PI byte token');
      const header = buf.subarray(0, 2 + (buf[1] ?? 0));
      if (!header.equals(bytesHeader)) throw new Error('PI byte token uses an unknown key id');
      return open(buf.subarray(header.length), bytesHeader);
    },
    blindIndex(purpose, value) {
      if (!purpose || purpose.includes('\0')) throw new Error('Blind index purpose must be a non-empty name');
      // The NUL separator keeps ('ab', 'c') and ('a', 'bc') apart; normalising makes full-width and
      // lower-case input (e.g. an ID ending in 'x') find the same record.
      const normalised = value.normalize('NFKC').trim().toUpperCase();
      return createHmac('sha256', indexKey).update(`${purpose}\0${normalised}`, 'utf8').digest('hex');
    },
  };
}

export const DEV_KEY_FILE = 'pi-encryption.key';

/**
 * The master key: PI_ENCRYPTION_KEY when set, otherwise a development key kept in `<DATA_DIR>/pi-encryption.key`
 * (base64 text, mode 0600, created on first use). Config already refuses production without the variable;
 * the check here keeps that true even if config validation changes.
 */
export function loadPiKey(config: Pick<Config, 'PI_ENCRYPTION_KEY' | 'DATA_DIR' | 'NODE_ENV'>): Buffer {
  if (config.PI_ENCRYPTION_KEY) return checkedKey(Buffer.from(config.PI_ENCRYPTION_KEY, 'base64'), 'PI_ENCRYPTION_KEY');
  if (config.NODE_ENV === 'production') throw new Error('PI_ENCRYPTION_KEY is required in production');
  const file = join(config.DATA_DIR, DEV_KEY_FILE);
  mkdirSync(config.DATA_DIR, { recursive: true });
  try {
    // 'wx' fails when the file exists, so two processes starting together cannot overwrite each other's key.
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return checkedKey(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'), file);
}

const checkedKey = (key: Buffer, source: string): Buffer => {
  if (key.length !== KEY_BYTES) throw new Error(`${source} must hold ${KEY_BYTES} bytes, base64-encoded`);
  return key;
};
