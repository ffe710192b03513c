import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Start-up as a user sees it: the real `node bin/beian.js serve` process, timed from spawn until
 * `GET /api/health` answers 200. Measured on an empty data directory (first start: database created, migrated,
 * seeded) and again on the same directory (restart).
 */
export type StartupResult = { firstStartMs: number; restartMs: number; fromSource: boolean };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  while (performance.now() < deadline) {
    if (exited !== null) throw new Error(`server exited with ${exited} before answering`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function timeOneStart(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const simPort = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/beian.js', 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), SIM_PORT: String(simPort) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, 120_000);
    return Math.round(performance.now() - started);
  } finally {
    await stop(child);
  }
}

export async function measureStartup(
  opts: { databaseUrl?: string; fromSource?: boolean } = {},
): Promise<StartupResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'beian-bench-start-'));
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...(opts.fromSource ? { BEIAN_FROM_SOURCE: '1' } : {}),
  };
  // The caller's own database settings must not leak into a PGlite measurement.
  if (!opts.databaseUrl) env.DATABASE_URL = '';
  // A build made stale by a source edit is rebuilt here, not inside the timed start (that is `npm install`'s job).
  if (!opts.fromSource) spawnSync(process.execPath, ['bin/beian.js', 'help'], { stdio: 'ignore' });
  try {
    const firstStartMs = await timeOneStart(env);
    const restartMs = await timeOneStart(env);
    return { firstStartMs, restartMs, fromSource: opts.fromSource ?? false };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fromSource = process.argv.includes('--from-source');
  measureStartup({ fromSource, ...(process.env.DATABASE_URL && { databaseUrl: process.env.DATABASE_URL }) }).then(
    (r) => console.log(r),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
