import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALLBACK_PATH } from '../contracts/regulator-protocol.ts';
import { type RoundRobinProxy, startRoundRobinProxy } from './round-robin-proxy.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'beian.js');

export type ClusterOptions = {
  /** PostgreSQL shared by every instance and the simulator (PGlite cannot be shared between processes). */
  databaseUrl: string;
  instances?: number;
  /** The proxy's port (the address users open); instances listen on port+10, port+11, …; 0 picks free ports. */
  port?: number;
  /** The simulator service's port (default port+1, or a free one when port is 0). */
  simPort?: number;
  /** Parent of each process's own DATA_DIR: nothing is shared through local files. */
  dataDir: string;
  /** Start an S3-protocol server (s3rver) and point every instance at it, unless STORAGE=s3 is already set. */
  s3rver?: boolean;
  /** Extra environment for every process (e.g. NODE_ENV, rate limits). */
  env?: Record<string, string>;
  /** Per-instance additions, e.g. `WORKER_ENABLED=false` for a web-only instance. */
  instanceEnv?: (index: number) => Record<string, string>;
  /** `beian worker` processes beside the instances (default 0). */
  standaloneWorkers?: number;
  /** Pipe the processes' output to this process's (default: only errors). */
  verbose?: boolean;
};

export type Cluster = {
  url: string;
  simulatorUrl: string;
  instanceUrls: string[];
  proxy: RoundRobinProxy;
  s3: { endpoint: string; bucket: string } | null;
  /** The environment the instances run with (minus the parent's), e.g. for a worker or a CLI call. */
  env: Record<string, string>;
  /** Stops one instance (SIGTERM), e.g. to show the others carry on. */
  stopInstance: (index: number) => Promise<void>;
  stop: () => Promise<void>;
};

const portFrom = (port: number, offset: number) => (port === 0 ? freePort() : Promise.resolve(port + offset));

/**
 * N platform processes (`beian serve`, worker included) on one PostgreSQL database behind a round-robin proxy,
 * the regulator simulator as one shared service calling back through the proxy, and optionally s3rver as the
 * shared object store. Used by the multi-instance test, the two-instance browser run and `npm run cluster`.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const instances = options.instances ?? 2;
  const port = options.port ?? 0;
  const children: ChildProcess[] = [];
  const cleanups: Array<() => Promise<void>> = [];
  const proxy = await startRoundRobinProxy({ port });
  cleanups.push(() => proxy.close());
  try {
    const s3 = options.s3rver === false || options.env?.STORAGE === 's3' ? null : await startS3rver(options.dataDir);
    if (s3) cleanups.push(s3.close);
    const env: Record<string, string> = {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: options.databaseUrl,
      // The proxy is on loopback: per-client limits see the browser's address it forwards.
      TRUST_PROXY: '127.0.0.1',
      // The development sign-in stand-ins listen on fixed ports: one per machine, not one per instance.
      DEV_IDP: 'false',
      DEV_WECHAT_STAND_IN: 'false',
      // One key for all: each instance would otherwise make its own development key in its own DATA_DIR.
      PI_ENCRYPTION_KEY: options.env?.PI_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
      ...(s3 && {
        STORAGE: 's3',
        S3_BUCKET: s3.bucket,
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      }),
      ...options.env,
    };
    const simPort = options.simPort ?? (await portFrom(port, 1));
    const sim = await startProcess(
      'sim',
      {
        ...env,
        SIM_PORT: String(simPort),
        DATA_DIR: join(options.dataDir, 'simulator'),
        SIM_CALLBACK_URL: `${proxy.url}${CALLBACK_PATH}`,
      },
      simPort,
      children,
      options.verbose,
    );
    const ports = await Promise.all(Array.from({ length: instances }, (_, i) => portFrom(port, 10 + i)));
    const started = await Promise.all(
      ports.map((instancePort, i) =>
        startProcess(
          'serve',
          {
            ...env,
            PORT: String(instancePort),
            DATA_DIR: join(options.dataDir, `instance-${i + 1}`),
            SIM_ENABLED: 'false',
            REGULATOR: 'http',
            REGULATOR_URL: sim.url,
            ...options.instanceEnv?.(i),
          },
          instancePort,
          children,
          options.verbose,
        ),
      ),
    );
    for (let i = 0; i < (options.standaloneWorkers ?? 0); i++) {
      await startWorkerProcess(
        { ...env, DATA_DIR: join(options.dataDir, `worker-${i + 1}`), REGULATOR: 'http', REGULATOR_URL: sim.url },
        children,
        options.verbose,
      );
    }
    const instanceUrls = started.map((s) => s.url);
    proxy.setUpstreams(instanceUrls);
    const stopChild = async (child: ChildProcess) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    };
    return {
      url: proxy.url,
      simulatorUrl: sim.url,
      instanceUrls,
      proxy,
      s3,
      env,
      stopInstance: (index) => stopChild(started[index]!.child),
      stop: async () => {
        await Promise.all(children.map(stopChild));
        for (const c of cleanups.reverse()) await c();
      },
    };
  } catch (error) {
    for (const child of children) child.kill('SIGKILL');
    for (const c of cleanups.reverse()) await c();
    throw error;
  }
}

/** A port nobody listens on right now (the OS picks it); the child binds it a moment later. */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Spawns `beian <command>` with its output kept (the last 20 kB) for the error that says why it did not start. */
function spawnBeian(
  command: 'serve' | 'sim' | 'worker',
  env: Record<string, string>,
  spawned: ChildProcess[],
  verbose: boolean,
  onOutput: (output: string) => void = () => {},
): { child: ChildProcess; output: () => string } {
  mkdirSync(env.DATA_DIR!, { recursive: true });
  const child = spawn(process.execPath, [BIN, command], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.push(child);
  let output = '';
  const keep = (chunk: Buffer, stream: NodeJS.WriteStream) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (verbose || stream === process.stderr) stream.write(chunk);
    onOutput(output);
  };
  child.stdout!.on('data', (c: Buffer) => keep(c, process.stdout));
  child.stderr!.on('data', (c: Buffer) => keep(c, process.stderr));
  return { child, output: () => output };
}

/** Starts `beian <command>` on `port` and waits until its health check answers. */
async function startProcess(
  command: 'serve' | 'sim',
  env: Record<string, string>,
  port: number,
  spawned: ChildProcess[],
  verbose = false,
): Promise<{ child: ChildProcess; url: string }> {
  const { child, output } = spawnBeian(command, env, spawned, verbose);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`beian ${command} exited (${child.exitCode}):\n${output()}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`beian ${command} did not answer on ${url} within 120 s:\n${output()}`);
}

/** Starts `beian worker` and waits for the line saying it runs (it has no HTTP port). */
async function startWorkerProcess(
  env: Record<string, string>,
  spawned: ChildProcess[],
  verbose = false,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const { child, output } = spawnBeian('worker', env, spawned, verbose, (text) => {
      if (!text.includes('beian worker running')) return;
      clearTimeout(timer);
      resolve();
    });
    timer = setTimeout(() => reject(new Error(`beian worker did not start within 120 s:\n${output()}`)), 120_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`beian worker exited (${code}):\n${output()}`));
    });
  });
}

/** s3rver (an S3-protocol server) with one bucket, for development and tests only. */
async function startS3rver(dataDir: string): Promise<{ endpoint: string; bucket: string; close: () => Promise<void> }> {
  // A devDependency: loaded only here, never by the platform itself.
  const { default: S3rver } = await import('s3rver');
  const bucket = 'beian';
  const directory = join(dataDir, 's3');
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const address = (await server.run()) as { port: number };
  return { endpoint: `http://127.0.0.1:${address.port}`, bucket, close: () => server.close() };
}
