import { describe, expect, it } from 'vitest';
import { assertObjectKey, newObjectKey, OBJECT_KEY_PATTERN } from './object-key.ts';
import { describeObjectStoreContract, HOSTILE_KEYS } from './object-store.contract.ts';
import { createMemoryObjectStore } from './object-store.memory.ts';

describeObjectStoreContract('memory', async () => ({ store: createMemoryObjectStore() }));

describe('object keys', () => {
  it('asvs-5.3.2 server-generated keys match the strict pattern and are unique', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newObjectKey('materials')));
    expect(keys.size).toBe(1000);
    for (const k of keys)
      expect(k).toMatch(/^materials\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('rejects hostile keys and a hostile prefix', () => {
    for (const key of HOSTILE_KEYS) expect(() => assertObjectKey(key), key).toThrow(/invalid object key/);
    expect(() => newObjectKey('../x')).toThrow();
    expect(OBJECT_KEY_PATTERN.test('a'.repeat(200))).toBe(true);
  });

  it('memory store lists exactly the stored keys with their content types', async () => {
    const store = createMemoryObjectStore();
    await store.put('b/1', Buffer.from('x'), 'image/png');
    await store.put('a/1', Buffer.from('y'), 'image/jpeg');
    expect(store.keys()).toEqual(['a/1', 'b/1']);
    expect(store.contentTypeOf('b/1')).toBe('image/png');
  });
});
