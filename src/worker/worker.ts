import type { AppContext } from '../app-context.ts';
import { sweepWebsiteAccess } from '../use-cases/access-risks/sweep-website-access.ts';
import { fireDueDeadlines } from '../use-cases/deadlines/fire-due-deadlines.ts';
import { dispatchOutbox } from '../use-cases/regulator/dispatch-outbox.ts';
import { pollRegulator } from '../use-cases/regulator/sync-regulator-status.ts';

export type WorkerHooks = {
  /** Lets the in-process regulator simulator advance its own timers on the same beat. */
  beforeTick?: () => Promise<void>;
  onError?: (error: unknown) => void;
};

/** One pass of all background work. Tests call this directly instead of waiting for the loop. */
export async function runWorkerOnce(ctx: AppContext, hooks: WorkerHooks = {}): Promise<void> {
  await hooks.beforeTick?.();
  await fireDueDeadlines(ctx);
  // Before the outbox, so a website flagged now has its applicant told in the same pass.
  await sweepWebsiteAccess(ctx);
  await dispatchOutbox(ctx);
  await pollRegulator(ctx);
}

/**
 * The background loop. It only schedules passes; every deadline and message lives in the database, so a
 * restart loses nothing and simply picks up what is due.
 */
export function startWorker(ctx: AppContext, intervalMs: number, hooks: WorkerHooks = {}) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const loop = () => {
    if (stopped) return;
    running = runWorkerOnce(ctx, hooks)
      .catch((error) => hooks.onError?.(error))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };
  timer = setTimeout(loop, 0);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
