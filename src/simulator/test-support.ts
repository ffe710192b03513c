import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../adapters/db/connect.ts';
import { createManualClock, type ManualClock } from '../domain/ports/clock.ts';
import { codeFromText } from './core/read-outbox.ts';
import {
  createInProcessRegulator,
  createSimulatorStore,
  type InProcessRegulator,
  type SimulatorApi,
  type SimulatorOptions,
} from './in-process-gateway.ts';

/**
 * A database for one test file: in-memory PGlite by default; with DATABASE_URL set, a freshly created PostgreSQL
 * database (dropped again on close) so test files never see each other's rows.
 */
export async function openTestDatabase(): Promise<{ db: Kysely<any>; kind: string; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({});
    return { db: handle.db, kind: handle.kind, close: handle.close };
  }
  const name = `sim_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: target.toString() });
  return {
    db: handle.db,
    kind: handle.kind,
    close: async () => {
      await handle.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * A PostgreSQL URL of a fresh database for one test file, for code that opens its own pool (the simulator service).
 * Null without DATABASE_URL (the caller then uses PGlite).
 */
export async function createTestDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  const name = `sim_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { url: target.toString(), drop: () => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export type TestSimulator = InProcessRegulator & {
  db: Kysely<any>;
  clock: ManualClock;
  /** Every ref announced through onStatusChange, in order. */
  changes: string[];
  /** The code in the newest outbox message to this mobile. */
  latestCode: (mobile: string) => Promise<string>;
  /** Deletes all simulator rows so each test starts from empty records (cheaper than a new database). */
  reset: () => Promise<void>;
  close: () => Promise<void>;
};

const SIM_TABLES = [
  'sim_sms_outbox',
  'sim_sms_verification',
  'sim_order',
  'sim_website',
  'sim_subject',
  'sim_domain',
  'sim_serial_counter',
  'sim_review_policy',
  'sim_clock',
  'sim_callback_outbox',
];

export async function createTestSimulator(options: SimulatorOptions = {}): Promise<TestSimulator> {
  const database = await openTestDatabase();
  await createSimulatorStore(database.db);
  const clock = createManualClock(new Date('2026-11-28T02:00:00Z'));
  const regulator = createInProcessRegulator({
    db: database.db,
    clock,
    options: { smsSecret: 'test-secret', ...options },
  });
  const changes: string[] = [];
  regulator.onStatusChange((ref) => changes.push(ref));
  return {
    ...regulator,
    db: database.db,
    clock,
    changes,
    latestCode: (mobile) => latestCode(regulator.sim, mobile),
    reset: async () => {
      await sql.raw(`TRUNCATE ${SIM_TABLES.join(', ')} RESTART IDENTITY CASCADE`).execute(database.db);
      changes.length = 0;
    },
    close: database.close,
  };
}

async function latestCode(sim: SimulatorApi, mobile: string): Promise<string> {
  const [message] = await sim.readOutbox({ mobile, limit: 1 });
  const code = message ? codeFromText(message.text) : null;
  if (!code) throw new Error(`no SMS code in the outbox for ${mobile}`);
  return code;
}
