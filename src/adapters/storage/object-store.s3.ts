import type { S3Client } from '@aws-sdk/client-s3';
import type { ObjectStore } from '../../domain/ports/object-store.ts';
import { assertObjectKey } from './object-key.ts';

export type S3ObjectStoreOptions = {
  bucket: string;
  region: string;
  /** S3-compatible endpoint (MinIO, a provider's OSS/COS gateway, a test fake). Omit for AWS itself. */
  endpoint?: string;
  /** Both or neither; without them the SDK's default credential chain is used (env, profile, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key`; most self-hosted gateways need it. */
  forcePathStyle?: boolean;
  /** Attempts per call including the first (SDK default 3). */
  maxAttempts?: number;
};

/**
 * Only NoSuchKey means "no such object". A bare 404 is not enough: NoSuchBucket or a wrong endpoint also answer
 * 404, and reporting those as a missing object would hide a misconfiguration behind "material not found".
 */
const isNoSuchKey = (sdk: typeof import('@aws-sdk/client-s3'), e: unknown): boolean =>
  e instanceof sdk.NoSuchKey || (e instanceof sdk.S3ServiceException && e.name === 'NoSuchKey');

/** ObjectStore over S3 (PutObject / GetObject / DeleteObject). Keys are validated before any request. */
export function createS3ObjectStore(options: S3ObjectStoreOptions): ObjectStore {
  const { bucket, region, endpoint, accessKeyId, secretAccessKey, forcePathStyle, maxAttempts } = options;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new Error('S3 access key id and secret access key must be given together');
  }
  // The SDK takes most of a second to load: imported here, so a deployment with local storage never pays for it.
  const sdkLoaded = import('@aws-sdk/client-s3');
  sdkLoaded.catch(() => undefined); // reported by the first call instead
  let clientMade: S3Client | undefined;
  const sdk = async () => {
    const m = await sdkLoaded;
    clientMade ??= makeClient(m);
    return { ...m, client: clientMade };
  };
  const makeClient = (m: typeof import('@aws-sdk/client-s3')) =>
    new m.S3Client({
      region,
      ...(endpoint ? { endpoint } : {}),
      ...(forcePathStyle ? { forcePathStyle } : {}),
      ...(maxAttempts ? { maxAttempts } : {}),
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    });

  return {
    async put(key, bytes, contentType) {
      assertObjectKey(key);
      const { client, PutObjectCommand } = await sdk();
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          ContentLength: bytes.byteLength,
        }),
      );
    },

    async get(key) {
      assertObjectKey(key);
      const m = await sdk();
      try {
        const out = await m.client.send(new m.GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!out.Body) throw new Error(`S3 returned no body for ${key}`);
        return await out.Body.transformToByteArray();
      } catch (e) {
        if (isNoSuchKey(m, e)) return null;
        throw e;
      }
    },

    async delete(key) {
      assertObjectKey(key);
      // S3 answers 204 for a missing key too, so delete is idempotent without special-casing.
      const { client, DeleteObjectCommand } = await sdk();
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
