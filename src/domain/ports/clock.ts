/** Time is injected everywhere; nothing in domain or use cases calls Date.now(). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests (and the simulator's demo controls) can move. */
export const createManualClock = (start: Date = new Date('2026-11-28T02:00:00Z')) => {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (d: Date) => {
      current = d.getTime();
    },
    advance: (ms: number) => {
      current += ms;
    },
  };
};
export type ManualClock = ReturnType<typeof createManualClock>;
