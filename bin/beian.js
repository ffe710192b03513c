#!/usr/bin/env node
// Runs the compiled JavaScript in dist/server/ (built by `npm install` through `prepare`, or `npm run build`).
// When a source file is newer than the build, it builds first (about 2 s); BEIAN_FROM_SOURCE=1, or a build that
// cannot run (no TypeScript installed, another process building), runs the TypeScript sources through tsx.
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', 'server', '.built');
const template = join(root, 'dist', 'pglite-template');

/** Newest modification time under src/ (tests included: cheap, and a false "stale" only costs a build). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const t = entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

async function fromSource(reason) {
  if (reason) process.stderr.write(`beian: ${reason}; running the TypeScript sources through tsx\n`);
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}

async function ensureBuilt() {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const sourcesChanged = newestSource(join(root, 'src')) > built;
  const tsconfigChanged = ['tsconfig.json', 'tsconfig.server.json'].some(
    (f) => statSync(join(root, f)).mtimeMs > built,
  );
  if (!sourcesChanged && !tsconfigChanged) return true;
  // One builder at a time; a second process starting meanwhile runs from source rather than wait.
  const lock = join(root, 'dist', '.build-lock');
  mkdirSync(join(root, 'dist'), { recursive: true });
  // A lock older than two minutes was left by a builder that died.
  if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmdirSync(lock);
  try {
    mkdirSync(lock);
  } catch {
    return false;
  }
  try {
    process.stderr.write('beian: sources changed since the last build; building dist/\n');
    const { build } = await import('../scripts/build.mjs');
    await build({ quiet: true });
    return true;
  } catch (e) {
    process.stderr.write(`beian: build failed (${e.message})\n`);
    return false;
  } finally {
    rmdirSync(lock);
  }
}

/** The portal (dist/web) is rebuilt when web/ or what it imports changed; without it the API still serves. */
async function ensureWebBuilt() {
  if (process.argv[2] !== 'serve') return;
  try {
    const { buildWeb, webBuildIsStale } = await import('../scripts/build-web.mjs');
    if (!webBuildIsStale()) return;
    process.stderr.write('beian: the web app changed since the last build; building dist/web\n');
    await buildWeb({ quiet: true });
  } catch (e) {
    process.stderr.write(`beian: web build failed (${e.message}); serving the API only\n`);
  }
}

await ensureWebBuilt();
if (process.env.BEIAN_FROM_SOURCE === '1') {
  await fromSource();
} else if (await ensureBuilt()) {
  // connect.ts copies these initialised, migrated data directories into an empty one instead of running
  // initdb and the migrations.
  if (existsSync(join(template, '.pglite-version'))) process.env.BEIAN_PGLITE_TEMPLATES ??= template;
  // The one-file build (scripts/build.mjs, bundle) when there is one: it loads faster than the per-file output.
  const bundle = join(root, 'dist', 'server', 'bundle', 'main.js');
  await import(pathToFileURL(existsSync(bundle) ? bundle : join(root, 'dist', 'server', 'cli', 'main.js')).href);
} else {
  await fromSource('dist/ could not be built');
}
