import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
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
const isNoSuchKey = (e: unknown): boolean =>
  e instanceof NoSuchKey || (e instanceof S3ServiceException && e.name === 'NoSuchKey');

/** ObjectStore over S3 (PutObject / GetObject / DeleteObject). Keys are validated before any request. */
export function createS3ObjectStore(options: S3ObjectStoreOptions): ObjectStore {
  const { bucket, region, endpoint, accessKeyId, secretAccessKey, forcePathStyle, maxAttempts } = options;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new Error('S3 access key id and secret access key must be given together');
  }
  const client = new S3Client({
    region,
    ...(endpoint ? { endpoint } : {}),
    ...(forcePathStyle ? { forcePathStyle } : {}),
    ...(maxAttempts ? { maxAttempts } : {}),
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
  });

  return {
    async put(key, bytes, contentType) {
      assertObjectKey(key);
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
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!out.Body) throw new Error(`S3 returned no body for ${key}`);
        return await out.Body.transformToByteArray();
      } catch (e) {
        if (isNoSuchKey(e)) return null;
        throw e;
      }
    },

    async delete(key) {
      assertObjectKey(key);
      // S3 answers 204 for a missing key too, so delete is idempotent without special-casing.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
