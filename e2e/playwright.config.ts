import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser journeys against the real platform process (`node bin/beian.js serve`) on embedded defaults: PGlite in
 * a fresh data directory, the regulator simulator beside it. Debian's chromium is the browser (no download).
 */
const port = Number(process.env.E2E_PORT ?? 3200);
const simPort = port + 1;
// The development IdP (OIDC) and the WeChat stand-in that `serve` starts beside the platform in development.
const idpPort = port + 2;
const wechatPort = port + 3;
export const baseURL = `http://127.0.0.1:${port}`;
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'beian-e2e-'));
/**
 * E2E_CLUSTER_DATABASE_URL set: the same journeys against two platform processes on that (empty) PostgreSQL
 * database behind a round-robin proxy, with s3rver as shared storage (`npm run cluster`, src/dev/cluster.ts).
 */
const clusterDatabaseUrl = process.env.E2E_CLUSTER_DATABASE_URL;

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  // One server, two cores: journeys run one after another (each creates its own account and data).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../.tmp/e2e-report' }]],
  outputDir: '../.tmp/e2e-results',
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: clusterDatabaseUrl ? 'npx tsx scripts/cluster.ts' : 'node bin/beian.js serve',
    cwd: '..',
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      SIM_PORT: String(simPort),
      DEV_IDP_PORT: String(idpPort),
      DEV_WECHAT_STAND_IN_PORT: String(wechatPort),
      DATA_DIR: dataDir,
      DATABASE_URL: clusterDatabaseUrl ?? '',
      LOG_LEVEL: 'warn',
      // Every journey registers its own accounts from one IP.
      REGISTER_RATE_LIMIT: '10000',
      LOGIN_RATE_LIMIT: '10000',
      WORKER_INTERVAL_MS: '500',
      // Short enough that a test can watch an abandoned claim lapse; the review screen renews every third of it.
      REVIEW_CLAIM_LEASE_SECONDS: '20',
    },
  },
});

export const simulatorURL = `http://127.0.0.1:${simPort}`;
export const devIdpURL = `http://127.0.0.1:${idpPort}`;
export const weChatStandInURL = `http://127.0.0.1:${wechatPort}`;
