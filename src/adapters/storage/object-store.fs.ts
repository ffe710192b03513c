import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { ObjectStore } from '../../domain/ports/object-store.ts';
import { assertObjectKey } from './object-key.ts';

export type FsObjectStoreOptions = {
  /** `<DATA_DIR>/objects`. Must not be inside any directory that is served over HTTP. */
  root: string;
};

const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);
const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/**
 * Objects as files under one root. Durability follows the write-temp / fsync / rename / fsync-dir pattern
 * (spec §4.2 item 7): a crash leaves either the old object, the new one, or a stray temp file for the sweeper,
 * never a half-written object under the real name. The content type is not kept on disk; the DB row that
 * references the key owns it.
 */
export function createFsObjectStore({ root }: FsObjectStoreOptions): ObjectStore {
  const base = resolve(root);
  const inside = base.endsWith(sep) ? base : base + sep;

  const pathFor = (key: string): string => {
    assertObjectKey(key);
    const full = resolve(base, ...key.split('/'));
    // Defence in depth: the key pattern already rules out traversal, this catches any future loosening of it.
    if (!full.startsWith(inside)) throw new Error('object key resolves outside the store root');
    return full;
  };

  return {
    async put(key, bytes) {
      const target = pathFor(key);
      const dir = dirname(target);
      await ensureDir(dir);
      // Same directory as the target so rename() is atomic (no cross-device move). The leading dot can never
      // collide with a key, and it lets a sweeper find leftovers from crashed writes.
      const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        const handle = await open(temp, 'wx', 0o600);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
      } catch (e) {
        await rm(temp, { force: true });
        throw e;
      }
      await fsyncDir(dir);
    },

    async get(key) {
      const target = pathFor(key);
      try {
        return await readFile(target);
      } catch (e) {
        if (MISSING.has(codeOf(e) ?? '')) return null;
        throw e;
      }
    },

    async delete(key) {
      const target = pathFor(key);
      try {
        await unlink(target);
      } catch (e) {
        if (MISSING.has(codeOf(e) ?? '')) return;
        throw e;
      }
      // Deleting personal data must survive a crash too (retention and erasure requests).
      await fsyncDir(dirname(target));
    },
  };
}

/** mkdir -p, then fsync the parent of every directory it created so the new entries are durable. */
async function ensureDir(dir: string): Promise<void> {
  const first = await mkdir(dir, { recursive: true, mode: 0o700 });
  if (first === undefined) return;
  const created: string[] = [];
  for (let d = dir; d.length >= first.length; d = dirname(d)) created.unshift(d);
  // Entries live in their parent: fsync the parent of `first`, then each created dir but the last (the caller
  // fsyncs that one after its rename).
  for (const d of [dirname(first), ...created.slice(0, -1)]) await fsyncDir(d);
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (e) {
    // Some filesystems refuse fsync on a directory handle; the data file itself was already synced.
    if (!['EINVAL', 'EPERM', 'EISDIR'].includes(codeOf(e) ?? '')) throw e;
  } finally {
    await handle.close();
  }
}
