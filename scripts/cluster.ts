/**
 * `npm run cluster`: N platform instances on one PostgreSQL behind a round-robin proxy on PORT (default 3000),
 * the simulator on SIM_PORT (default PORT+1) and s3rver as shared storage — a whole multi-instance deployment on
 * one machine, for trying it out and for the two-instance browser run. Needs DATABASE_URL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster } from '../src/dev/cluster.ts';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write(
    'npm run cluster needs DATABASE_URL: PGlite (the embedded default) cannot be shared by processes\n',
  );
  process.exit(2);
}
const port = Number(process.env.PORT ?? 3000);
const passThrough = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k, v]) =>
      v !== undefined && /^[A-Z][A-Z0-9_]*$/.test(k) && !['PORT', 'SIM_PORT', 'DATA_DIR', 'PATH', 'HOME'].includes(k),
  ),
) as Record<string, string>;
const cluster = await startCluster({
  databaseUrl,
  instances: Number(process.env.CLUSTER_INSTANCES ?? 2),
  port,
  ...(process.env.SIM_PORT && { simPort: Number(process.env.SIM_PORT) }),
  dataDir: process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'beian-cluster-')),
  env: passThrough,
  verbose: process.env.CLUSTER_VERBOSE === '1',
});
process.stdout.write(
  `\nbeian cluster: ${cluster.url} → ${cluster.instanceUrls.join(', ')} (round robin)\n` +
    `  simulator ${cluster.simulatorUrl}${cluster.s3 ? `, s3rver ${cluster.s3.endpoint} bucket ${cluster.s3.bucket}` : ''}\n`,
);
const shutdown = async () => {
  await cluster.stop();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
