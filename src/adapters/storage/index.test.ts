import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createObjectStoreFromConfig, objectsRoot } from './index.ts';
import { startFakeS3 } from './testing/fake-s3-server.ts';
import { createTestCipher } from './testing/test-cipher.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

describe('createObjectStoreFromConfig', () => {
  it('STORAGE=fs writes encrypted files under <DATA_DIR>/objects', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'beian-data-'));
    cleanups.push(() => rm(dataDir, { recursive: true }));
    const store = createObjectStoreFromConfig(loadConfig({ DATA_DIR: dataDir }), createTestCipher());
    await store.put('materials/one', Buffer.from('plain photo bytes'), 'image/jpeg');
    expect(await readdir(join(dataDir, 'objects', 'materials'))).toEqual(['one']);
    expect((await readFile(join(objectsRoot(dataDir), 'materials', 'one'))).includes('plain photo')).toBe(false);
    expect((await store.get('materials/one'))?.toString()).toBe('plain photo bytes');
  });

  it('STORAGE=s3 talks path-style to S3_ENDPOINT and stores ciphertext', async () => {
    const s3 = await startFakeS3('filings');
    cleanups.push(() => s3.close());
    const config = loadConfig({
      STORAGE: 's3',
      S3_BUCKET: 'filings',
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    const store = createObjectStoreFromConfig(config, createTestCipher());
    await store.put('materials/two', Buffer.from('plain photo bytes'), 'image/jpeg');
    const stored = s3.objects.get('materials/two');
    expect(stored?.contentType).toBe('application/octet-stream');
    expect(stored?.body.includes('plain photo')).toBe(false);
    expect((await store.get('materials/two'))?.toString()).toBe('plain photo bytes');
  });
});
