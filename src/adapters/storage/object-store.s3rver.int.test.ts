import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { describe, expect, it } from 'vitest';
import { createPiCipher } from '../crypto/pi-cipher.ts';
import { describeObjectStoreContract } from './object-store.contract.ts';
import { createEncryptedObjectStore } from './object-store.encrypted.ts';
import { createS3ObjectStore } from './object-store.s3.ts';

/**
 * The S3 adapter against s3rver, a server that speaks the S3 protocol (signature checks, path-style buckets,
 * NoSuchKey), rather than the small fake of object-store.s3.test.ts. Two stores on the same bucket stand for two
 * platform instances.
 */
async function startS3rver() {
  const directory = mkdtempSync(join(tmpdir(), 'beian-s3rver-'));
  const bucket = `beian-${crypto.randomUUID().slice(0, 8)}`;
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = (await server.run()) as { port: number };
  const storeOn = (name = bucket) =>
    createS3ObjectStore({
      bucket: name,
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      maxAttempts: 1,
    });
  const close = async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  };
  return { storeOn, close };
}

describeObjectStoreContract('s3 (s3rver)', async () => {
  const s3 = await startS3rver();
  return { store: s3.storeOn(), dispose: s3.close };
});

describe('s3 object store on s3rver', () => {
  it('lets a second instance read, overwrite and delete what the first wrote (encrypted with the shared key)', async () => {
    const s3 = await startS3rver();
    try {
      const cipher = createPiCipher({ masterKey: Buffer.alloc(32, 7) });
      const first = createEncryptedObjectStore(s3.storeOn(), cipher);
      const second = createEncryptedObjectStore(s3.storeOn(), cipher);
      const photo = randomBytes(300_000);
      await first.put('materials/id-photo', photo, 'image/jpeg');
      expect(Buffer.from((await second.get('materials/id-photo'))!).equals(photo)).toBe(true);
      // At rest the bucket holds ciphertext only.
      const raw = await s3.storeOn().get('materials/id-photo');
      expect(Buffer.from(raw!).includes(photo.subarray(0, 64))).toBe(false);
      await second.put('materials/id-photo', Buffer.from('replaced'), 'image/jpeg');
      expect(Buffer.from((await first.get('materials/id-photo'))!).toString()).toBe('replaced');
      await first.delete('materials/id-photo');
      expect(await second.get('materials/id-photo')).toBeNull();
    } finally {
      await s3.close();
    }
  });

  it('reports a missing bucket as an error, not as a missing object', async () => {
    const s3 = await startS3rver();
    try {
      await expect(s3.storeOn('no-such-bucket').get('materials/x')).rejects.toThrow();
    } finally {
      await s3.close();
    }
  });
});
