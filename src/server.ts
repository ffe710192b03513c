import type { FastifyInstance } from 'fastify';
import { type Composition, compose } from './compose.ts';
import type { Config } from './config.ts';
import { buildApp } from './http/app.ts';
import { publicSimulatorRoutes } from './http/plugins/public-simulator.ts';
import { ensureDemoData } from './seed/demo.ts';
import { syncByRegulatorRef } from './use-cases/regulator/sync-regulator-status.ts';
import { startWorker } from './worker/worker.ts';

export type RunningServer = { app: FastifyInstance; composition: Composition; url: string; stop: () => Promise<void> };

/** Starts the platform: database, in-process regulator simulator, background worker and HTTP server. */
export async function startServer(config: Readonly<Config>, opts: { quiet?: boolean } = {}): Promise<RunningServer> {
  const composition = await compose(config);
  const { ctx, regulator } = composition;
  const demo = (config.SEED_DEMO ?? config.NODE_ENV !== 'production') ? await ensureDemoData(composition) : null;

  const app = await buildApp({
    ctx,
    logger: opts.quiet ? false : { level: config.LOG_LEVEL },
    extraPlugins: [{ plugin: publicSimulatorRoutes, prefix: '/sim', options: { sim: regulator.sim } }],
  });
  const log = (msg: string, err?: unknown) => app.log.error({ err }, msg);
  const unsubscribe = regulator.onStatusChange((ref) => {
    syncByRegulatorRef(ctx, ref).catch((err) => log('sync after regulator change failed', err));
  });
  const worker = startWorker(ctx, config.WORKER_INTERVAL_MS, {
    beforeTick: async () => {
      await regulator.sim.tick();
    },
    onError: (err) => log('worker pass failed', err),
  });
  const url = await app.listen({ port: config.PORT, host: config.HOST });

  if (demo && !opts.quiet) {
    const lines = demo.accounts.map((a) => `  ${a.role.padEnd(12)} ${a.email}  /  ${a.password}`);
    app.log.info(`demo accounts (development only):\n${lines.join('\n')}`);
    process.stdout.write(
      `\nbeian is running at ${url}\n  API docs: ${url}/api/docs\n  simulator: ${url}/sim/api/sms/outbox\nDemo accounts:\n${lines.join('\n')}\n\n`,
    );
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      unsubscribe();
      await app.close();
      await worker.stop();
      await composition.close();
    })();
    return stopping;
  };
  return { app, composition, url, stop };
}
