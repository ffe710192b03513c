import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { createOidcSignIn } from './adapters/auth/oidc-sign-in.openid-client.ts';
import { createWeChatLogin } from './adapters/auth/wechat-login.http.ts';
import { createPiCipher, loadPiKey } from './adapters/crypto/pi-cipher.ts';
import { type DbHandle, openDatabase } from './adapters/db/connect.ts';
import { migrateToLatest } from './adapters/db/migrate.ts';
import { backfillOrderSearchTerms } from './adapters/db/order-search-terms.ts';
import { checkPiKeyMatchesDatabase } from './adapters/db/pi-key-check.ts';
import { backfillPublicNames } from './adapters/db/records-repo.ts';
import { withStartupLock } from './adapters/db/startup-lock.ts';
import { createNotificationSendersFromConfig } from './adapters/notifications/index.ts';
import { createProviderPortsFromConfig } from './adapters/provider/index.ts';
import { createHttpRegulatorGateway } from './adapters/regulator/regulator-gateway.http.ts';
import { createObjectStoreFromConfig } from './adapters/storage/index.ts';
import { createHttpWebhookSender } from './adapters/webhooks/webhook-sender.http.ts';
import type { AppContext } from './app-context.ts';
import type { Config } from './config.ts';
import type { Clock } from './domain/ports/clock.ts';
import { systemClock } from './domain/ports/clock.ts';
import type { RegulatorGateway } from './domain/ports/regulator-gateway.ts';
import {
  createInProcessRegulator,
  createSimulatorStore,
  type InProcessRegulator,
} from './simulator/in-process-gateway.ts';
import { loadWorkingCalendar, startCalendarRefresh } from './use-cases/operations/working-calendar.ts';
import { backfillSlaDueAt, reviewSlaPolicy } from './use-cases/orders/review-sla-policy.ts';

export type Composition = {
  ctx: AppContext;
  db: DbHandle;
  /** Only with REGULATOR=in_process: the simulator living inside this process (the fast fake). */
  inProcess: InProcessRegulator | null;
  close: () => Promise<void>;
};

/** The platform's database: PostgreSQL at DATABASE_URL, else PGlite in DATA_DIR/pglite. Not yet migrated. */
export const openPlatformDatabase = (config: Readonly<Config>): Promise<DbHandle> =>
  openDatabase(
    config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { pgliteDir: join(config.DATA_DIR, 'pglite') },
  );

/**
 * The only place that picks implementations: configuration in, a wired AppContext out. The server, the CLI and
 * the benchmarks all start here; tests build the same object with a manual clock.
 */
export async function compose(
  config: Readonly<Config>,
  options: { clock?: Clock; db?: DbHandle } = {},
): Promise<Composition> {
  const clock = options.clock ?? systemClock;
  const db = options.db ?? (await openPlatformDatabase(config));
  const masterKey = loadPiKey(config);
  const cipher = createPiCipher({ masterKey });
  // Instances sharing a PostgreSQL database take turns here; the second finds the work done.
  await withStartupLock(db, async () => {
    await migrateToLatest(db.db);
    // The provider's calendar entries before anything counts working days (the SLA backfill below does).
    await loadWorkingCalendar(db.db);
    await checkPiKeyMatchesDatabase(db.db, cipher, clock.now());
    // Migration 0004's key-derived columns (migrations hold no key); a no-op once every row is filled.
    await backfillPublicNames(db.db, cipher);
    // Migration 0012's search terms and SLA clocks for orders written before it; no-ops once done.
    await backfillOrderSearchTerms(db.db, cipher);
    await backfillSlaDueAt(db.db, reviewSlaPolicy(config));
  });

  let inProcess: InProcessRegulator | null = null;
  let regulator: RegulatorGateway;
  if (config.REGULATOR === 'in_process') {
    await createSimulatorStore(db.db);
    inProcess = createInProcessRegulator({
      db: db.db,
      clock,
      options: {
        // Derived from the platform key so pending SMS codes stay checkable across restarts.
        smsSecret: createHmac('sha256', masterKey).update('simulator-sms').digest('hex'),
        defaultReviewPolicy: { mode: config.SIM_ADMIN_POLICY, delaySeconds: config.SIM_ADMIN_DELAY_SECONDS },
      },
    });
    regulator = inProcess.gateway;
  } else {
    regulator = createHttpRegulatorGateway({
      baseUrl: config.REGULATOR_URL,
      apiKey: config.REGULATOR_API_KEY,
      timeoutMs: config.REGULATOR_TIMEOUT_MS,
    });
  }

  const ctx: AppContext = {
    config,
    db: db.db,
    clock,
    cipher,
    storage: createObjectStoreFromConfig(config, cipher),
    regulator,
    ...createProviderPortsFromConfig(config, db.db, cipher),
    lifecycle: { smsWindowHours: config.SMS_WINDOW_HOURS, draftIdleDays: config.DRAFT_IDLE_DAYS },
    ...createNotificationSendersFromConfig(config, db.db, cipher, clock),
    webhooks: createHttpWebhookSender(),
    externalSignIn: externalSignInFromConfig(config),
  };
  // Another instance's change to the calendar reaches this one within a minute; a failed reload keeps the last.
  const stopCalendarRefresh = startCalendarRefresh(db.db, 60_000, (err) =>
    process.stderr.write(`beian: reloading the working calendar failed: ${String(err)}\n`),
  );
  return {
    ctx,
    db,
    inProcess,
    close: () => {
      stopCalendarRefresh();
      return db.close();
    },
  };
}

/** Provider sign-in (OIDC_ISSUER) and WeChat login (WECHAT_APP_ID), each only when configured. */
export function externalSignInFromConfig(config: Readonly<Config>): AppContext['externalSignIn'] {
  return {
    oidc:
      config.OIDC_ISSUER && config.OIDC_CLIENT_ID
        ? createOidcSignIn({
            issuer: config.OIDC_ISSUER,
            clientId: config.OIDC_CLIENT_ID,
            ...(config.OIDC_CLIENT_SECRET && { clientSecret: config.OIDC_CLIENT_SECRET }),
            scopes: config.OIDC_SCOPES,
            allowHttp: config.NODE_ENV !== 'production',
            timeoutMs: 10_000,
          })
        : null,
    wechat:
      config.WECHAT_APP_ID && config.WECHAT_APP_SECRET
        ? createWeChatLogin({
            appId: config.WECHAT_APP_ID,
            appSecret: config.WECHAT_APP_SECRET,
            openBaseUrl: config.WECHAT_OPEN_BASE_URL,
            apiBaseUrl: config.WECHAT_API_BASE_URL,
            timeoutMs: 10_000,
          })
        : null,
  };
}
