import { join } from 'node:path';
import type { Config } from '../../config.ts';
import type { ObjectStore } from '../../domain/ports/object-store.ts';
import type { PiCipher } from '../../domain/ports/pi-cipher.ts';
import { createEncryptedObjectStore } from './object-store.encrypted.ts';
import { createFsObjectStore } from './object-store.fs.ts';
import { createS3ObjectStore } from './object-store.s3.ts';

export { newObjectKey, OBJECT_KEY_PATTERN } from './object-key.ts';

export type StorageConfig = Pick<
  Config,
  'STORAGE' | 'DATA_DIR' | 'S3_BUCKET' | 'S3_REGION' | 'S3_ENDPOINT' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY'
>;

/** The fs store's root. Kept apart from anything served (the web build, API docs), per spec A30. */
export const objectsRoot = (dataDir: string): string => join(dataDir, 'objects');

/**
 * Picks the backend from STORAGE and always wraps it with at-rest encryption, so no code path can store
 * material bytes in the clear by forgetting the wrapper.
 */
export function createObjectStoreFromConfig(config: StorageConfig, cipher: PiCipher): ObjectStore {
  return createEncryptedObjectStore(createBackend(config), cipher);
}

function createBackend(config: StorageConfig): ObjectStore {
  switch (config.STORAGE) {
    case 'fs':
      return createFsObjectStore({ root: objectsRoot(config.DATA_DIR) });
    case 's3': {
      // config.ts already refuses STORAGE=s3 without a bucket; this guards callers that build config by hand.
      if (!config.S3_BUCKET) throw new Error('S3_BUCKET is required when STORAGE=s3');
      return createS3ObjectStore({
        bucket: config.S3_BUCKET,
        region: config.S3_REGION,
        // A custom endpoint is nearly always a self-hosted gateway (MinIO, Ceph) that wants path-style URLs;
        // there is no separate setting for it yet.
        ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT, forcePathStyle: true } : {}),
        ...(config.S3_ACCESS_KEY_ID ? { accessKeyId: config.S3_ACCESS_KEY_ID } : {}),
        ...(config.S3_SECRET_ACCESS_KEY ? { secretAccessKey: config.S3_SECRET_ACCESS_KEY } : {}),
      });
    }
  }
}
