import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPiCipher } from '../../src/adapters/crypto/pi-cipher.ts';
import { type DbHandle, openDatabase } from '../../src/adapters/db/connect.ts';
import { migrateToLatest } from '../../src/adapters/db/migrate.ts';
import { createOutboxEmailSender } from '../../src/adapters/notifications/email-sender.outbox.ts';
import { createOutboxSmsSender } from '../../src/adapters/notifications/sms-sender.outbox.ts';
import { createProviderPortsFromConfig } from '../../src/adapters/provider/index.ts';
import { createHttpWebhookSender } from '../../src/adapters/webhooks/webhook-sender.http.ts';
import type { AppContext } from '../../src/app-context.ts';
import { loadConfig } from '../../src/config.ts';
import type { EmailSender, SmsSender } from '../../src/domain/notifications/ports.ts';
import { createManualClock, type ManualClock } from '../../src/domain/ports/clock.ts';
import type { ObjectStore } from '../../src/domain/ports/object-store.ts';
import type { RegulatorGateway } from '../../src/domain/ports/regulator-gateway.ts';

/**
 * One AppContext per test file: a fresh, migrated database (in-memory PGlite, or a throwaway database on the
 * server in DATABASE_URL), a manual clock, a random PI key, and placeholders for the ports a test does not use.
 * Extend by adding options here rather than by building contexts by hand in tests.
 */
export type TestContextOptions = {
  clock?: ManualClock;
  /** Environment variables as strings, merged over the test defaults before loadConfig. */
  config?: Record<string, string | undefined>;
  storage?: ObjectStore;
  regulator?: RegulatorGateway;
  /** Default to the dev outbox adapters over the test database (what a test reads back). */
  sms?: SmsSender;
  email?: EmailSender;
};

export type TestContext = { ctx: AppContext; clock: ManualClock; close: () => Promise<void> };

/** A port whose every method throws, so a test that needs it fails loudly instead of silently passing. */
export const notWired = <T extends object>(name: string): T =>
  new Proxy({} as T, {
    get: (_target, prop) =>
      // 'then' stays undefined so awaiting the object itself does not call the trap.
      prop === 'then' || typeof prop === 'symbol'
        ? undefined
        : () => {
            throw new Error(`${name}.${prop} is not wired in this test`);
          },
  });

export async function createTestContext(opts: TestContextOptions = {}): Promise<TestContext> {
  const clock = opts.clock ?? createManualClock();
  const dataDir = mkdtempSync(join(tmpdir(), 'beian-test-'));
  const database = await openTestDatabase();
  try {
    await migrateToLatest(database.handle.db);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      PI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      DATABASE_URL: database.url,
      // Tests read their own writes at once; the answer cache is covered by its own unit test.
      PUBLIC_LOOKUP_CACHE_SECONDS: '0',
      // Tests change rows behind the use cases' back; the session cache has its own tests (sessions.int.test.ts).
      SESSION_CACHE_MS: '0',
      // Staff sign-in with a second factor has its own tests (second-factor.int.test.ts); elsewhere staff log in
      // with the password alone.
      STAFF_TOTP_REQUIRED: 'false',
      ...opts.config,
    });
    const db = database.handle.db;
    const cipher = createPiCipher({ masterKey: Buffer.from(config.PI_ENCRYPTION_KEY!, 'base64') });
    const ctx: AppContext = {
      config,
      db,
      clock,
      cipher,
      storage: opts.storage ?? notWired<ObjectStore>('storage'),
      regulator: opts.regulator ?? notWired<RegulatorGateway>('regulator'),
      // The seeded stand-ins over the test database unless the config picks the HTTP adapters.
      ...createProviderPortsFromConfig(config, db, cipher),
      lifecycle: { smsWindowHours: config.SMS_WINDOW_HOURS, draftIdleDays: config.DRAFT_IDLE_DAYS },
      sms: opts.sms ?? createOutboxSmsSender(db, cipher, clock),
      email: opts.email ?? createOutboxEmailSender(db, cipher, clock),
      // Real sockets: webhook tests run their own receiver on port 0.
      webhooks: createHttpWebhookSender(),
    };
    const close = async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    };
    return { ctx, clock, close };
  } catch (e) {
    await database.close();
    throw e;
  }
}

type TestDatabase = { handle: DbHandle; url: string | undefined; close: () => Promise<void> };

/** With DATABASE_URL: CREATE DATABASE beian_test_<random> on that server, dropped again on close. */
async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({});
    return { handle, url: undefined, close: handle.close };
  }
  const name = `beian_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return {
    handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
