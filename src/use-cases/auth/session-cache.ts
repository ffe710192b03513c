/**
 * A short-lived, per-process memory of resolved sessions, so a burst of requests from one signed-in browser
 * (a page loading its data) resolves the session once instead of once per request. Entries live for
 * SESSION_CACHE_MS of real (monotonic) time at most; ending a session or changing a user in this process forgets
 * them at once. Another instance sharing the database sees a logout up to SESSION_CACHE_MS late — the price
 * stated in the README; 0 turns the cache off.
 *
 * Keys are SHA-256 hashes of 256-bit random session ids, so entries of different databases (tests run several
 * in one process) can never collide.
 */
export type CachedSession<Row> = { row: Row; userId: string };

type Entry<Row> = CachedSession<Row> & { storedAt: number };

export function createSessionCache<Row>(maxEntries = 20_000, now: () => number = () => performance.now()) {
  const byHash = new Map<string, Entry<Row>>();
  return {
    get(idHash: string, ttlMs: number): Row | undefined {
      const entry = byHash.get(idHash);
      if (!entry) return undefined;
      if (now() - entry.storedAt >= ttlMs) {
        byHash.delete(idHash);
        return undefined;
      }
      return entry.row;
    },
    set(idHash: string, userId: string, row: Row): void {
      // Map keeps insertion order: dropping the first key evicts the oldest entry.
      if (byHash.size >= maxEntries && !byHash.has(idHash)) byHash.delete(byHash.keys().next().value!);
      byHash.set(idHash, { row, userId, storedAt: now() });
    },
    forget(idHash: string): void {
      byHash.delete(idHash);
    },
    forgetUser(userId: string): void {
      for (const [key, entry] of byHash) if (entry.userId === userId) byHash.delete(key);
    },
    get size(): number {
      return byHash.size;
    },
  };
}
