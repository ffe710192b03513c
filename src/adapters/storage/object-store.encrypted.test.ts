import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPiCipher } from '../crypto/pi-cipher.ts';
import { describeObjectStoreContract } from './object-store.contract.ts';
import { createEncryptedObjectStore } from './object-store.encrypted.ts';
import { createMemoryObjectStore } from './object-store.memory.ts';
import { createTestCipher } from './testing/test-cipher.ts';

describeObjectStoreContract('encrypted(memory)', async () => ({
  store: createEncryptedObjectStore(createMemoryObjectStore(), createTestCipher()),
}));

// The production cipher too, so a change in its byte format cannot silently break stored materials.
describeObjectStoreContract('encrypted(memory) with the real PiCipher', async () => ({
  store: createEncryptedObjectStore(createMemoryObjectStore(), createPiCipher({ masterKey: randomBytes(32) })),
}));

describe('encrypted object store', () => {
  const setup = () => {
    const inner = createMemoryObjectStore();
    return { inner, store: createEncryptedObjectStore(inner, createTestCipher()) };
  };
  const photo = Buffer.from('\xff\xd8\xff pretend this is an ID card photo of 110101199003077777', 'latin1');

  it('asvs-11.3.2 stores ciphertext only, labelled as opaque bytes', async () => {
    const { inner, store } = setup();
    await store.put('materials/id-front', photo, 'image/jpeg');
    const raw = Buffer.from((await inner.get('materials/id-front'))!);
    expect(raw.equals(photo)).toBe(false);
    expect(raw.includes(Buffer.from('110101199003077777'))).toBe(false);
    expect(inner.contentTypeOf('materials/id-front')).toBe('application/octet-stream');
    expect(Buffer.from((await store.get('materials/id-front'))!).equals(photo)).toBe(true);
  });

  it('throws when a stored byte was flipped', async () => {
    const { inner, store } = setup();
    await store.put('materials/x', photo, 'image/jpeg');
    const raw = Buffer.from((await inner.get('materials/x'))!);
    for (const at of [0, 20, raw.length - 1]) {
      const tampered = Buffer.from(raw);
      tampered[at] = tampered[at]! ^ 0x01;
      await inner.put('materials/x', tampered, 'application/octet-stream');
      await expect(store.get('materials/x')).rejects.toThrow();
    }
  });

  it('throws when ciphertext is moved to another key', async () => {
    const { inner, store } = setup();
    await store.put('materials/applicant-a', Buffer.from('A photo'), 'image/jpeg');
    await store.put('materials/applicant-b', Buffer.from('B photo'), 'image/jpeg');
    await inner.put('materials/applicant-b', (await inner.get('materials/applicant-a'))!, 'application/octet-stream');
    await expect(store.get('materials/applicant-b')).rejects.toThrow(/different key/);
  });

  it('throws for bytes sealed by a different cipher key', async () => {
    const inner = createMemoryObjectStore();
    await createEncryptedObjectStore(inner, createTestCipher()).put('k', photo, 'image/jpeg');
    await expect(createEncryptedObjectStore(inner, createTestCipher()).get('k')).rejects.toThrow();
  });

  it('deletes through to the backend', async () => {
    const { inner, store } = setup();
    await store.put('gone', photo, 'image/jpeg');
    await store.delete('gone');
    expect(inner.keys()).toEqual([]);
  });
});
