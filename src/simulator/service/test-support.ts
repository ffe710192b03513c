import { sql } from 'kysely';
import { type Clock, createManualClock, type ManualClock } from '../../domain/ports/clock.ts';
import { codeFromText } from '../core/read-outbox.ts';
import { createSimulatorStore } from '../store/create-store.ts';
import type { SimDb } from '../store/schema.ts';
import { anIndividualSubject, aPerson, aSubmission, aWebsite, smsTarget } from '../test-builders.ts';
import { openTestDatabase } from '../test-support.ts';
import { buildSimulatorApp, type SimulatorApp } from './app.ts';
import { createSimClock, type SimClock } from './sim-clock.ts';

export const TEST_API_KEY = 'test-regulator-api-key-0123456789';
export const TEST_CALLBACK_SECRET = 'test-callback-secret-0123456789';
export const auth = { authorization: `Bearer ${TEST_API_KEY}` };

export type TestService = {
  app: SimulatorApp;
  db: SimDb;
  /** The base under the simulator clock; tests leave it alone and move the sim clock instead. */
  base: ManualClock;
  clock: SimClock;
  latestCode: (mobile: string) => Promise<string>;
  /** Submits a first filing for wang through the gateway; the order waits for SMS verification. */
  submitWithSms: (domain?: string) => Promise<string>;
  reset: () => Promise<void>;
  close: () => Promise<void>;
};

/** The service app on its own test database, with background loops off (tests call tick/dispatch themselves). */
export async function createTestService(
  opts: { callbackUrl?: string; wallClock?: Clock; fetch?: typeof fetch } = {},
): Promise<TestService> {
  const database = await openTestDatabase();
  const db = await createSimulatorStore(database.db);
  const base = createManualClock(new Date('2026-11-28T02:00:00Z'));
  const clock = await createSimClock(db, base);
  const app = await buildSimulatorApp({
    db,
    clock,
    apiKey: TEST_API_KEY,
    callback: { url: opts.callbackUrl, secret: TEST_CALLBACK_SECRET },
    options: { smsSecret: 'test-secret' },
    tickIntervalMs: 0,
    dispatchIntervalMs: 0,
    wallClock: opts.wallClock,
    fetch: opts.fetch,
  });
  await app.ready();
  const wang = aPerson('wang');
  return {
    app,
    db,
    base,
    clock,
    latestCode: async (mobile) => {
      const [message] = await app.simulator.sim.readOutbox({ mobile, limit: 1 });
      const code = message ? codeFromText(message.text) : null;
      if (!code) throw new Error(`no SMS code for ${mobile}`);
      return code;
    },
    submitWithSms: async (domain = 'svc-test.cn') => {
      const { regulatorRef } = await app.simulator.gateway.submit(
        aSubmission('first_filing', {
          subject: anIndividualSubject(wang),
          websites: [aWebsite(domain, wang)],
          smsTargets: [smsTarget(wang, [{ role: 'subject' }, { role: 'website', websiteIndex: 0 }])],
        }),
      );
      return regulatorRef;
    },
    reset: async () => {
      await app.simulator.callbacks.dispatchCallbacks().catch(() => undefined);
      await sql
        .raw(
          'TRUNCATE sim_sms_outbox, sim_sms_verification, sim_order, sim_website, sim_subject, sim_domain, ' +
            'sim_serial_counter, sim_review_policy, sim_callback_outbox RESTART IDENTITY CASCADE',
        )
        .execute(db);
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
