import type { FastifyInstance } from 'fastify';
import { withStartupLock } from './adapters/db/startup-lock.ts';
import { type Composition, compose, openPlatformDatabase } from './compose.ts';
import { apiDocsEnabled, type Config } from './config.ts';
import { CALLBACK_PATH } from './contracts/regulator-protocol.ts';
import { startDevIdentityServices } from './dev/dev-identity-services.ts';
import { buildApp } from './http/app.ts';
import { publicSimulatorRoutes } from './http/plugins/public-simulator.ts';
import { defaultWebRoot } from './http/plugins/web-app.ts';
import { ensureDemoData } from './seed/demo.ts';
import { type SimulatorService, startSimulatorService } from './simulator/service/start.ts';
import { syncByRegulatorRef } from './use-cases/regulator/sync-regulator-status.ts';
import { startWorker } from './worker/worker.ts';

export type RunningServer = {
  app: FastifyInstance;
  composition: Composition;
  url: string;
  /** The simulator service started beside the platform, when it was. */
  simulatorUrl: string | null;
  simulator: SimulatorService | null;
  stop: () => Promise<void>;
};

/**
 * Starts the platform: database, background worker and HTTP server, and — unless told otherwise — the regulator
 * simulator as its own service beside it, reached through the real HTTP gateway adapter and reporting back by
 * signed callbacks. With REGULATOR=in_process the simulator runs inside this process instead (the fast fake).
 */
export async function startServer(config: Readonly<Config>, opts: { quiet?: boolean } = {}): Promise<RunningServer> {
  const development = config.NODE_ENV !== 'production';
  const startSimulator = config.REGULATOR === 'http' && (config.SIM_ENABLED ?? development);
  // The platform's database opens while the simulator starts. Most of a PGlite boot is synchronous WebAssembly,
  // so what overlaps is the other side's waits (file reads, instantiation): about 40 ms of a restart.
  // The development IdP and WeChat stand-in (DEV_IDP, DEV_WECHAT_STAND_IN) start meanwhile too.
  const [simulatorStart, databaseOpen, identityStart] = await Promise.allSettled([
    startSimulator
      ? startSimulatorService({
          port: config.SIM_PORT,
          host: config.HOST,
          dataDir: config.DATA_DIR,
          ...(config.DATABASE_URL && { databaseUrl: config.DATABASE_URL }),
          apiKey: config.REGULATOR_API_KEY,
          callbackUrl: config.SIM_CALLBACK_URL ?? `http://${config.HOST}:${config.PORT}${CALLBACK_PATH}`,
          callbackSecret: config.REGULATOR_CALLBACK_SECRET,
          seed: config.SEED_DEMO ?? development,
          simulatorOptions: {
            defaultReviewPolicy: { mode: config.SIM_ADMIN_POLICY, delaySeconds: config.SIM_ADMIN_DELAY_SECONDS },
          },
          ...(opts.quiet ? {} : { logger: { level: config.LOG_LEVEL } }),
        })
      : null,
    openPlatformDatabase(config),
    startDevIdentityServices(config),
  ]);
  if (
    simulatorStart.status === 'rejected' ||
    databaseOpen.status === 'rejected' ||
    identityStart.status === 'rejected'
  ) {
    if (simulatorStart.status === 'fulfilled') await simulatorStart.value?.stop();
    if (databaseOpen.status === 'fulfilled') await databaseOpen.value.close();
    if (identityStart.status === 'fulfilled') await identityStart.value.stop();
    const failed = [simulatorStart, databaseOpen, identityStart].find((r) => r.status === 'rejected');
    throw (failed as PromiseRejectedResult).reason;
  }
  const simulator = simulatorStart.value;
  // The stand-ins that started are what the config they return points at (OIDC_ISSUER, WECHAT_*).
  const identity = identityStart.value;
  // The platform talks to the simulator where it actually listens (SIM_PORT may be 0 in tests and benchmarks).
  const effective: Readonly<Config> = simulator
    ? { ...identity.config, REGULATOR_URL: simulator.url }
    : identity.config;

  const composition = await compose(effective, { db: databaseOpen.value });
  const { ctx, inProcess } = composition;
  // Several instances may start together on one database: one seeds, the others find the accounts there.
  const demo =
    (config.SEED_DEMO ?? development) ? await withStartupLock(composition.db, () => ensureDemoData(composition)) : null;

  const app = await buildApp({
    ctx,
    logger: opts.quiet ? false : { level: config.LOG_LEVEL },
    webRoot: defaultWebRoot(),
    extraPlugins: inProcess ? [{ plugin: publicSimulatorRoutes, prefix: '/sim', options: { sim: inProcess.sim } }] : [],
  });
  const log = (msg: string, err?: unknown) => app.log.error({ err }, msg);
  const unsubscribe = inProcess?.onStatusChange((ref: string) => {
    syncByRegulatorRef(ctx, ref).catch((err) => log('sync after regulator change failed', err));
  });
  const worker = config.WORKER_ENABLED
    ? startWorker(ctx, config.WORKER_INTERVAL_MS, {
        ...(inProcess && {
          beforeTick: async () => {
            await inProcess.sim.tick();
          },
        }),
        onError: (err) => log('worker pass failed', err),
      })
    : null;
  const url = await app.listen({ port: config.PORT, host: config.HOST });

  if (demo && !opts.quiet) {
    const lines = demo.accounts.map((a) => `  ${a.role.padEnd(12)} ${a.email}  /  ${a.password}`);
    const simLine = simulator
      ? `  simulator (MIIT + 管局): ${simulator.url}  — SMS outbox ${simulator.url}/outbox, 短信核验 ${simulator.url}/sms, 管局 console ${simulator.url}/console`
      : `  simulator (in-process): ${url}/sim/api/sms/outbox`;
    process.stdout.write(
      `\nbeian is running at ${url}\n  API: ${apiDocsEnabled(config) ? `${url}/api/docs` : `${url}/api/openapi.json`}\n${simLine}\n${identity.banner.map((l) => `${l}\n`).join('')}Demo accounts:\n${lines.join('\n')}\n\n`,
    );
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      unsubscribe?.();
      await app.close();
      await worker?.stop();
      await composition.close();
      await simulator?.stop();
      await identity.stop();
    })();
    return stopping;
  };
  return { app, composition, url, simulatorUrl: simulator?.url ?? null, simulator, stop };
}
