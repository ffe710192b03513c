import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../domain/ports/clock.ts';
import { createLookupCache } from './lookup-cache.ts';

describe('lookup cache', () => {
  it('serves a fresh entry, reloads after the TTL, and never caches failures', async () => {
    const clock = createManualClock();
    const cache = createLookupCache<number>({ ttlMs: 5000, maxEntries: 2, clock });
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    clock.advance(5001);
    expect(await cache.get('a', load)).toBe(2);
    await expect(cache.get('b', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('b', load)).toBe(3);
  });

  it('evicts the oldest entry when full and bypasses itself with a zero TTL', async () => {
    const clock = createManualClock();
    const cache = createLookupCache<string>({ ttlMs: 5000, maxEntries: 2, clock });
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('c', async () => 'c1');
    expect(await cache.get('a', async () => 'a2')).toBe('a2');
    const off = createLookupCache<string>({ ttlMs: 0, maxEntries: 2, clock });
    await off.get('a', async () => 'x');
    expect(await off.get('a', async () => 'y')).toBe('y');
  });
});
