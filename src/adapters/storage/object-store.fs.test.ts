import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeObjectStoreContract, HOSTILE_KEYS } from './object-store.contract.ts';
import { createFsObjectStore } from './object-store.fs.ts';

const tempDirs: string[] = [];
const makeRoot = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'beian-objects-'));
  tempDirs.push(dir);
  return dir;
};

describeObjectStoreContract('fs', async () => {
  const root = await makeRoot();
  return { store: createFsObjectStore({ root: join(root, 'objects') }), dispose: () => rm(root, { recursive: true }) };
});

/** Every file below dir, relative, so tests can assert nothing else was written. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('fs object store specifics', () => {
  let sandbox: string;
  let root: string;
  beforeEach(async () => {
    sandbox = await makeRoot();
    root = join(sandbox, 'objects');
  });
  afterEach(async () => {
    await Promise.all(tempDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('stores one file per key under the root, owner-only, with no temp files left over', async () => {
    const store = createFsObjectStore({ root });
    await store.put('materials/0001', Buffer.from('abc'), 'image/jpeg');
    await store.put('materials/0001', Buffer.from('abcd'), 'image/jpeg');
    await store.put('other/x_y-z', Buffer.from('q'), 'image/png');
    expect(await listFiles(sandbox)).toEqual(['objects/materials/0001', 'objects/other/x_y-z']);
    expect((await readFile(join(root, 'materials', '0001'))).toString()).toBe('abcd');
    expect((await stat(join(root, 'materials', '0001'))).mode & 0o777).toBe(0o600);
  });

  it('asvs-5.3.2 a hostile key writes nothing anywhere, inside or outside the root', async () => {
    const store = createFsObjectStore({ root });
    await store.put('seed', Buffer.from('s'), 'text/plain');
    for (const key of HOSTILE_KEYS) {
      await expect(store.put(key, Buffer.from('pwned'), 'text/plain')).rejects.toThrow();
    }
    expect(await listFiles(sandbox)).toEqual(['objects/seed']);
  });

  it('ignores a stray temp file left by a crashed write', async () => {
    const store = createFsObjectStore({ root });
    await store.put('materials/a', Buffer.from('real'), 'image/jpeg');
    await writeFile(join(root, 'materials', '.a.deadbeef.tmp'), 'half-writ');
    expect((await store.get('materials/a'))?.toString()).toBe('real');
    await store.put('materials/a', Buffer.from('newer'), 'image/jpeg');
    expect((await store.get('materials/a'))?.toString()).toBe('newer');
  });

  it('treats a key that names a directory as missing', async () => {
    const store = createFsObjectStore({ root });
    await store.put('dir/child', Buffer.from('c'), 'text/plain');
    expect(await store.get('dir')).toBeNull();
    await expect(store.delete('dir')).resolves.toBeUndefined();
    expect((await store.get('dir/child'))?.toString()).toBe('c');
  });

  it('creates the root and missing parent directories on first put', async () => {
    const store = createFsObjectStore({ root: join(sandbox, 'not', 'yet', '..', 'there') });
    await store.put('k', Buffer.from('v'), 'text/plain');
    expect((await readFile(join(sandbox, 'not', 'there', 'k'))).toString()).toBe('v');
  });
});
