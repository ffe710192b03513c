import type { ObjectStore } from '../../domain/ports/object-store.ts';
import { assertObjectKey } from './object-key.ts';

export type MemoryObjectStore = ObjectStore & {
  /** Stored keys, sorted; tests use it to prove where (and only where) an upload landed. */
  keys(): string[];
  contentTypeOf(key: string): string | undefined;
};

/** In-process store for tests and throwaway dev runs. Bytes are copied both ways, like a real backend. */
export function createMemoryObjectStore(): MemoryObjectStore {
  const objects = new Map<string, { bytes: Uint8Array; contentType: string }>();
  return {
    async put(key, bytes, contentType) {
      assertObjectKey(key);
      objects.set(key, { bytes: Uint8Array.from(bytes), contentType });
    },
    async get(key) {
      assertObjectKey(key);
      const found = objects.get(key);
      return found ? Uint8Array.from(found.bytes) : null;
    },
    async delete(key) {
      assertObjectKey(key);
      objects.delete(key);
    },
    keys: () => [...objects.keys()].sort(),
    contentTypeOf: (key) => objects.get(key)?.contentType,
  };
}
