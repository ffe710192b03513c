import { sql } from 'kysely';
import { type Clock, systemClock } from '../../domain/ports/clock.ts';
import type { SimDb } from '../store/schema.ts';

/**
 * The simulator's time: a base clock (normally the system clock) plus an offset that only ever grows. Advancing it
 * moves MIIT's and the administrations' time (SMS deadlines, review delays) and nothing else: the platform keeps
 * its own Clock object. The offset lives in `sim_clock`, so a restarted service keeps its simulated time.
 */
export type SimClock = Clock & {
  /** Moves simulated time forward by `ms` (> 0) and persists the new offset. */
  advance(ms: number): Promise<void>;
  /** Current offset over the base clock, in ms. */
  offsetMs(): number;
  /** The base clock's now (wall time for the service). */
  baseNow(): Date;
};

export async function createSimClock(db: SimDb, base: Clock = systemClock): Promise<SimClock> {
  const row = await db.selectFrom('sim_clock').select('offset_ms').where('id', '=', 1).executeTakeFirst();
  let offset = Number(row?.offset_ms ?? 0);
  return {
    now: () => new Date(base.now().getTime() + offset),
    baseNow: () => base.now(),
    offsetMs: () => offset,
    advance: async (ms) => {
      if (!Number.isSafeInteger(ms) || ms <= 0) throw new RangeError('advance(ms) needs a positive whole number');
      // Added in the database, so two instances (or two quick calls) never lose an advance.
      const updated = await db
        .insertInto('sim_clock')
        .values({ id: 1, offset_ms: ms, updated_at: base.now() })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            offset_ms: sql<number>`sim_clock.offset_ms + ${ms}`,
            updated_at: base.now(),
          }),
        )
        .returning('offset_ms')
        .executeTakeFirstOrThrow();
      offset = Number(updated.offset_ms);
    },
  };
}
