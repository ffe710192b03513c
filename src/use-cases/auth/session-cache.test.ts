import { describe, expect, it } from 'vitest';
import { createSessionCache } from './session-cache.ts';

describe('session cache', () => {
  it('serves an entry until its time is up, then forgets it', () => {
    let t = 0;
    const cache = createSessionCache<string>(10, () => t);
    cache.set('h1', 'u1', 'row');
    t = 1999;
    expect(cache.get('h1', 2000)).toBe('row');
    t = 2000;
    expect(cache.get('h1', 2000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('a ttl of 0 never serves anything', () => {
    const cache = createSessionCache<string>(10, () => 0);
    cache.set('h1', 'u1', 'row');
    expect(cache.get('h1', 0)).toBeUndefined();
  });

  it('forgets one session, or every session of a user', () => {
    const cache = createSessionCache<string>(10, () => 0);
    cache.set('a', 'u1', 'a');
    cache.set('b', 'u1', 'b');
    cache.set('c', 'u2', 'c');
    cache.forget('a');
    expect(cache.get('a', 1000)).toBeUndefined();
    cache.forgetUser('u1');
    expect(cache.get('b', 1000)).toBeUndefined();
    expect(cache.get('c', 1000)).toBe('c');
  });

  it('stays within its size by evicting the oldest entry', () => {
    const cache = createSessionCache<number>(3, () => 0);
    for (let i = 0; i < 5; i++) cache.set(`h${i}`, 'u', i);
    expect(cache.size).toBe(3);
    expect(cache.get('h0', 1000)).toBeUndefined();
    expect(cache.get('h4', 1000)).toBe(4);
  });
});
