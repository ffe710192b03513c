import type { Clock } from '../../domain/ports/clock.ts';

/**
 * A small time-bounded cache for the public lookup. Public filing data changes only when an order is approved,
 * and MIIT's own public query lags by hours, so serving an answer a few seconds old is acceptable; it keeps the
 * hottest public endpoint off the database (a single connection on PGlite). Bounded in entries, oldest evicted.
 */
export function createLookupCache<T>(options: { ttlMs: number; maxEntries: number; clock: Clock }) {
  const entries = new Map<string, { value: Promise<T>; expiresAt: number }>();
  return {
    get(key: string, load: () => Promise<T>): Promise<T> {
      if (options.ttlMs <= 0) return load();
      const now = options.clock.now().getTime();
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now) return hit.value;
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value as string);
      const value = load();
      entries.set(key, { value, expiresAt: now + options.ttlMs });
      // A failed load must not be served from the cache.
      value.catch(() => entries.delete(key));
      return value;
    },
    clear: () => entries.clear(),
  };
}
