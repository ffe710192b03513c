import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeObjectStoreContract } from './object-store.contract.ts';
import { createS3ObjectStore } from './object-store.s3.ts';
import { type FakeS3, startFakeS3 } from './testing/fake-s3-server.ts';

const storeFor = (s3: FakeS3, bucket = s3.bucket) =>
  createS3ObjectStore({
    bucket,
    region: 'cn-north-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    accessKeyId: 'test-access-key',
    secretAccessKey: 'test-secret-key',
    maxAttempts: 1,
  });

describeObjectStoreContract('s3 (fake server)', async () => {
  const s3 = await startFakeS3();
  return { store: storeFor(s3), dispose: () => s3.close() };
});

describe('s3 object store specifics', () => {
  let s3: FakeS3;
  beforeEach(async () => {
    s3 = await startFakeS3();
  });
  afterEach(() => s3.close());

  it('sends signed path-style requests with the content type', async () => {
    const store = storeFor(s3);
    await store.put('materials/abc', Buffer.from('bytes'), 'image/png');
    expect(s3.objects.get('materials/abc')).toMatchObject({ contentType: 'image/png' });
    expect(s3.objects.get('materials/abc')?.body.toString()).toBe('bytes');
    const put = s3.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe('/beian-test/materials/abc');
    expect(put?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test-access-key\/\d{8}\/cn-north-1\/s3\//);
  });

  it('surfaces server errors on get instead of pretending the object is missing', async () => {
    const store = storeFor(s3);
    await store.put('k', Buffer.from('v'), 'text/plain');
    s3.failNext(1);
    await expect(store.get('k')).rejects.toThrow();
    expect(Buffer.from((await store.get('k'))!).toString()).toBe('v');
  });

  it('fails loudly for a wrong bucket rather than returning null', async () => {
    await expect(storeFor(s3, 'no-such-bucket').get('k')).rejects.toThrow();
  });

  it('retries a transient 500 when attempts allow it', async () => {
    const store = createS3ObjectStore({
      bucket: s3.bucket,
      region: 'cn-north-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      accessKeyId: 'a',
      secretAccessKey: 'b',
      maxAttempts: 2,
    });
    s3.failNext(1);
    await store.put('k', Buffer.from('v'), 'text/plain');
    expect(s3.objects.has('k')).toBe(true);
  });

  it('sends nothing for an invalid key', async () => {
    await expect(storeFor(s3).put('../x', Buffer.from('v'), 'text/plain')).rejects.toThrow(/key/);
    expect(s3.requests).toEqual([]);
  });

  it('refuses half a credential pair', () => {
    expect(() => createS3ObjectStore({ bucket: 'b', region: 'r', accessKeyId: 'only-id' })).toThrow(/together/);
  });
});
