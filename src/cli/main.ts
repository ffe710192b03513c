import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { ROLES, type Role } from '../domain/roles.ts';
import { VALIDATOR_KINDS, VALIDATORS, type ValidatorKind } from '../domain/validation/index.ts';
import { runPrecheckFile } from './precheck-command.ts';

const USAGE = `beian — ICP filing platform

Usage:
  beian serve                       start the platform (HTTP API, worker) and the regulator simulator service beside it
  beian sim                         start only the regulator simulator service (MIIT + 管局) on SIM_PORT
  beian worker                      run only the background worker (deadlines, outbox, regulator polling); pair
                                    it with WORKER_ENABLED=false on web-only instances
  beian migrate                     apply database migrations
  beian seed                        create the demo accounts, resources and simulator records (empty database only)
  beian create-user --email E --password P --role R [--name N] [--parent-email E] [--unverified]
                                    roles: ${ROLES.join(', ')}
  beian validate <kind> <value>     kinds: ${VALIDATOR_KINDS.join(', ')}
                                    prints {"valid":…,"normalized":…,"errors":[…]}; exit 0 valid, 1 invalid
  beian precheck <draft.json>       prints the pre-check findings and the required materials
Configuration comes from environment variables; see README.md.`;

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

async function withComposition<T>(
  fn: (c: Awaited<ReturnType<typeof import('../compose.ts')['compose']>>) => Promise<T>,
) {
  const { compose } = await import('../compose.ts');
  const composition = await compose(loadConfig());
  try {
    return await fn(composition);
  } finally {
    await composition.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { startServer } = await import('../server.ts');
      const server = await startServer(loadConfig());
      const shutdown = async (signal: string) => {
        process.stdout.write(`\n${signal}: shutting down\n`);
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      return new Promise<number>(() => {});
    }
    case 'sim': {
      const { startSimulatorService } = await import('../simulator/service/start.ts');
      const { CALLBACK_PATH } = await import('../contracts/regulator-protocol.ts');
      const config = loadConfig();
      const service = await startSimulatorService({
        port: config.SIM_PORT,
        host: config.HOST,
        dataDir: config.DATA_DIR,
        ...(config.DATABASE_URL && { databaseUrl: config.DATABASE_URL }),
        apiKey: config.REGULATOR_API_KEY,
        callbackUrl: config.SIM_CALLBACK_URL ?? `http://${config.HOST}:${config.PORT}${CALLBACK_PATH}`,
        callbackSecret: config.REGULATOR_CALLBACK_SECRET,
        seed: config.SEED_DEMO ?? config.NODE_ENV !== 'production',
        simulatorOptions: {
          defaultReviewPolicy: { mode: config.SIM_ADMIN_POLICY, delaySeconds: config.SIM_ADMIN_DELAY_SECONDS },
        },
        logger: { level: config.LOG_LEVEL },
      });
      process.stdout.write(
        `\nregulator simulator running at ${service.url} (pages: /sms /outbox /console /clock; API docs /api/docs)\n`,
      );
      const shutdown = async () => {
        await service.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
      return new Promise<number>(() => {});
    }
    case 'worker': {
      const { compose } = await import('../compose.ts');
      const { startWorker } = await import('../worker/worker.ts');
      const config = loadConfig();
      const composition = await compose(config);
      const { inProcess } = composition;
      const worker = startWorker(composition.ctx, config.WORKER_INTERVAL_MS, {
        ...(inProcess && { beforeTick: async () => void (await inProcess.sim.tick()) }),
        onError: (err) => process.stderr.write(`worker pass failed: ${err instanceof Error ? err.stack : err}\n`),
      });
      process.stdout.write(`beian worker running (every ${config.WORKER_INTERVAL_MS} ms)\n`);
      const shutdown = async () => {
        await worker.stop();
        await composition.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
      return new Promise<number>(() => {});
    }
    case 'migrate':
      await withComposition(async () => undefined);
      process.stdout.write('migrations applied\n');
      return 0;
    case 'seed': {
      const { ensureDemoData } = await import('../seed/demo.ts');
      const result = await withComposition((c) => ensureDemoData(c));
      print(
        result.created
          ? { created: true, accounts: result.accounts }
          : { created: false, reason: 'database already has users' },
      );
      return 0;
    }
    case 'create-user': {
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: 'string' },
          password: { type: 'string' },
          role: { type: 'string' },
          name: { type: 'string' },
          'parent-email': { type: 'string' },
          unverified: { type: 'boolean', default: false },
        },
      });
      if (!values.email || !values.password || !ROLES.includes(values.role as Role)) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      const { createUser } = await import('../use-cases/auth/create-user.ts');
      const user = await withComposition(async ({ ctx }) => {
        const parent = values['parent-email']
          ? await ctx.db
              .selectFrom('users')
              .select('id')
              .where('email', '=', values['parent-email'].toLowerCase())
              .executeTakeFirst()
          : undefined;
        return createUser(ctx, {
          email: values.email!,
          password: values.password!,
          role: values.role as Role,
          displayName: values.name ?? values.email!,
          realNameVerified: !values.unverified,
          ...(parent && { parentUserId: parent.id }),
        });
      });
      print({ id: user.id, email: user.email, role: user.role });
      return 0;
    }
    case 'validate': {
      const [kind, value] = rest;
      if (!kind || value === undefined || !VALIDATOR_KINDS.includes(kind as ValidatorKind)) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      // The real date: a resident ID born tomorrow is as invalid here as in the pre-check.
      const r = VALIDATORS[kind as ValidatorKind](value, new Date());
      process.stdout.write(
        `${JSON.stringify({ valid: r.valid, normalized: r.normalized, errors: r.errors.map(({ code, message }) => ({ code, message })), ...(r.warnings.length > 0 && { warnings: r.warnings }) })}\n`,
      );
      return r.valid ? 0 : 1;
    }
    case 'precheck': {
      const [file] = rest;
      if (!file) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      const result = runPrecheckFile(readFileSync(file, 'utf8'), new Date());
      print(result);
      return result.blocking > 0 ? 1 : 0;
    }
    default:
      process.stdout.write(`${USAGE}\n`);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
