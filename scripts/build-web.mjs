#!/usr/bin/env node
// Builds the browser app (web/ → dist/web/) with Vite when it is missing or older than its sources. Called by
// `npm install` (through scripts/build.mjs) and by `npm start` (bin/beian.js), so a checkout always serves the
// portal it contains. `--force` builds regardless.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_STAMP = join(root, 'dist', 'web', '.built');
/** What the browser bundle is made of: the app, the contracts and validators it imports, and the config. */
const INPUTS = ['web', 'src/contracts', 'src/domain', 'vite.config.ts', 'tsconfig.web.json', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let n = 0;
  for (const entry of readdirSync(path)) n = Math.max(n, newest(join(path, entry)));
  return n;
}

export function webBuildIsStale() {
  const built = existsSync(WEB_STAMP) ? statSync(WEB_STAMP).mtimeMs : 0;
  return INPUTS.some((p) => newest(join(root, p)) > built);
}

export async function buildWeb({ quiet = false, force = false } = {}) {
  if (!force && !webBuildIsStale()) return false;
  let vite;
  try {
    vite = await import('vite');
  } catch {
    throw new Error('vite is not installed (a production install without dev dependencies?)');
  }
  const t = performance.now();
  await vite.build({ configFile: join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  writeFileSync(WEB_STAMP, `${new Date().toISOString()}\n`);
  if (!quiet) console.log(`beian: built dist/web in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildWeb({ force: process.argv.includes('--force') }).catch((e) => {
    console.error(`beian: web build failed: ${e.message}`);
    process.exit(1);
  });
}
