import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../domain/ports/object-store.ts';

export type ContractSubject = { store: ObjectStore; dispose?: () => Promise<void> };

/** Keys no store may accept: traversal, absolute paths, upper case, dots, empty segments, NUL, over-long. */
export const HOSTILE_KEYS = [
  '',
  '../etc/passwd',
  'materials/../../etc/passwd',
  '/etc/passwd',
  'a/./b',
  '..',
  'Materials/x',
  'a.jpg',
  'a b',
  'a\0b',
  'a\\b',
  'a//b',
  'a/',
  '-a',
  '%2e%2e/x',
  'x'.repeat(201),
  'materials/ü',
];

/**
 * Behaviour every ObjectStore must share, so swapping fs for S3 (or adding encryption) changes nothing the
 * use cases can observe. Each adapter's test file calls this with a factory for a fresh, empty store.
 */
export function describeObjectStoreContract(name: string, make: () => Promise<ContractSubject>): void {
  describe(`ObjectStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: ObjectStore;
    beforeEach(async () => {
      subject = await make();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.dispose?.();
    });

    it('returns exactly the bytes that were put', async () => {
      const bytes = new Uint8Array(256).map((_, i) => i);
      await store.put('materials/abc-123', bytes, 'image/jpeg');
      expect(Buffer.from((await store.get('materials/abc-123'))!)).toEqual(Buffer.from(bytes));
    });

    it('round-trips an empty object and a 1 MiB random one', async () => {
      const big = randomBytes(1024 * 1024);
      await store.put('empty', new Uint8Array(0), 'application/octet-stream');
      await store.put('nested/deeper/big_1', big, 'image/png');
      expect((await store.get('empty'))?.byteLength).toBe(0);
      expect(Buffer.from((await store.get('nested/deeper/big_1'))!).equals(big)).toBe(true);
    });

    it('returns null for a key that was never stored', async () => {
      expect(await store.get('materials/nothing-here')).toBeNull();
    });

    it('overwrites an existing key', async () => {
      await store.put('k1', Buffer.from('first version'), 'text/plain');
      await store.put('k1', Buffer.from('v2'), 'text/plain');
      expect(Buffer.from((await store.get('k1'))!).toString()).toBe('v2');
    });

    it('deletes, and deleting a missing key is a no-op', async () => {
      await store.put('to-delete', Buffer.from('x'), 'text/plain');
      await store.delete('to-delete');
      expect(await store.get('to-delete')).toBeNull();
      await expect(store.delete('to-delete')).resolves.toBeUndefined();
    });

    it('keeps keys apart (a prefix is not the same object)', async () => {
      await store.put('p/a', Buffer.from('A'), 'text/plain');
      await store.put('p/b', Buffer.from('B'), 'text/plain');
      await store.delete('p/a');
      expect(await store.get('p/a')).toBeNull();
      expect(Buffer.from((await store.get('p/b'))!).toString()).toBe('B');
    });

    it('is not affected by the caller mutating its buffers afterwards', async () => {
      const bytes = Buffer.from('original');
      await store.put('mutable', bytes, 'text/plain');
      bytes.fill(0);
      const read = (await store.get('mutable'))!;
      read.fill(1);
      expect(Buffer.from((await store.get('mutable'))!).toString()).toBe('original');
    });

    it('never exposes a torn write when the same key is written concurrently', async () => {
      const a = Buffer.alloc(200_000, 0x61);
      const b = Buffer.alloc(150_000, 0x62);
      await Promise.all([store.put('race', a, 'x/y'), store.put('race', b, 'x/y'), store.put('race', a, 'x/y')]);
      const got = Buffer.from((await store.get('race'))!);
      expect(got.equals(a) || got.equals(b)).toBe(true);
    });

    it.each(HOSTILE_KEYS.map((k) => [JSON.stringify(k).slice(0, 40), k]))('rejects key %s', async (_label, key) => {
      await expect(store.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(/key/);
      await expect(store.get(key)).rejects.toThrow(/key/);
      await expect(store.delete(key)).rejects.toThrow(/key/);
    });
  });
}
