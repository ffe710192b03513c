import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Clock } from '../../domain/ports/clock.ts';
import type { ReviewMode, SimDatabase, SimDb } from '../store/schema.ts';

/** MIIT's published SMS rules (domain.md §6.1, §3.5). Fixed by regulation, so constants rather than options. */
export const SMS_VALIDITY_MS = 24 * 60 * 60 * 1000;
export const SMS_MAX_RESENDS = 2;
export const SMS_MAX_WRONG_ID_ATTEMPTS = 5;

export type SimulatorOptions = {
  /**
   * What to do with a domain absent from the simulated registry. 'pass' (default) treats it as registered at an
   * approved registrar with real-name data matching the filer, as long as its TLD is approved: a newcomer can then
   * file any domain against the simulator without seeding the registry first. 'fail' rejects it like MIIT would.
   */
  unknownDomainPolicy?: 'pass' | 'fail';
  /** HMAC key for stored SMS codes. Default: random per process (pending codes then need a resend after restart). */
  smsSecret?: string;
  /**
   * Delay after which a "real-name done but not reported" domain counts as reported (domain.md §6.3 says about
   * 3 working days; calendar days are used here). Default 3 days.
   */
  realNameReportDelayMs?: number;
  /** Review policy for provinces without an explicit one. Default manual. */
  defaultReviewPolicy?: { mode: ReviewMode; delaySeconds: number };
  /**
   * Receives errors of status-change listeners and of the background ticker. A failing listener must not undo
   * committed regulator state, so its error is reported here instead of thrown. Default: ignored.
   */
  onBackgroundError?: (error: unknown) => void;
};

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'onBackgroundError'>> &
  Pick<SimulatorOptions, 'onBackgroundError'>;

export type SimContext = {
  db: SimDb;
  clock: Clock;
  options: ResolvedOptions;
  /** Called once per changed order after its transaction committed. */
  notify: (regulatorRef: string) => void;
};

export type SimTrx = Transaction<SimDatabase>;

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  return {
    unknownDomainPolicy: options.unknownDomainPolicy ?? 'pass',
    smsSecret: options.smsSecret ?? randomBytes(32).toString('hex'),
    realNameReportDelayMs: options.realNameReportDelayMs ?? 3 * 24 * 60 * 60 * 1000,
    defaultReviewPolicy: options.defaultReviewPolicy ?? { mode: 'manual', delaySeconds: 0 },
    onBackgroundError: options.onBackgroundError,
  };
}

/**
 * Runs `work` in one transaction and announces the orders it changed only after the commit, so a listener that
 * reads the status at once sees the new state and a rolled-back change is never announced.
 */
export async function inTransaction<T>(
  ctx: SimContext,
  work: (trx: SimTrx, changed: Set<string>) => Promise<T>,
): Promise<T> {
  const changed = new Set<string>();
  const result = await ctx.db.transaction().execute((trx) => work(trx, changed));
  for (const ref of changed) ctx.notify(ref);
  return result;
}
