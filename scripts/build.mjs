#!/usr/bin/env node
// `npm run build` (and `npm install` through `prepare`): compiles src/ to dist/server/, bundles that into
// dist/server/bundle/ (what bin/beian.js runs) and prepares an empty, initialised PGlite data directory
// (dist/pglite-template/) that a first start copies instead of running initdb. Plain JavaScript so it runs before anything is compiled. Type errors are `npm run typecheck`'s
// business: the emit here is a transpile (--noCheck), which takes about 2 s instead of 15.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);

export const STAMP = join(dist, 'server', '.built');
export const TEMPLATE = join(dist, 'pglite-template');
/** Same, with each store's migrations applied: a first start then only checks that none is pending. */
export const TEMPLATES = { platform: join(TEMPLATE, 'platform'), simulator: join(TEMPLATE, 'simulator') };

async function compile() {
  let tsc;
  try {
    tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  } catch {
    throw new Error('typescript is not installed (a production install without dev dependencies?)');
  }
  // Into a fresh directory, swapped in at the end: a server starting meanwhile never sees half a build.
  const out = join(dist, `.server-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.server.json'), '--noCheck', '--outDir', out], {
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`tsc exited with ${r.status}`);
  }
  await bundle(out);
  writeFileSync(join(out, '.built'), `${new Date().toISOString()}\n`);
  const target = join(dist, 'server');
  const old = join(dist, `.old-${process.pid}`);
  if (existsSync(target)) renameSync(target, old);
  renameSync(out, target);
  rmSync(old, { recursive: true, force: true });
}

/** What bin/beian.js runs when it exists (see bundle). */
export const BUNDLE = join('bundle', 'main.js');
/**
 * Pure ES-module packages bundled with the server. Node 20 resolves, reads, compiles and links every ES module
 * on its own, and these two alone are 360 files (kysely 263, zod 95). zod goes with every package that imports
 * it (fastify-type-provider-zod), so that one copy of zod makes every schema; native, WebAssembly and
 * CommonJS packages stay outside and load as before.
 */
const BUNDLED_PACKAGES = new Set(['kysely', 'zod', 'fastify-type-provider-zod']);

/**
 * A few files instead of the 250 that tsc writes and the 360 above: a restart loads its modules about 150 ms
 * faster. Split where main.ts imports lazily, so `beian validate` still loads no server. esbuild comes with tsx
 * (a dependency); without it the server runs from the per-file output, as before. The per-file output stays:
 * the templates below and anything importing single modules use it.
 */
async function bundle(out) {
  let esbuild;
  try {
    esbuild = createRequire(require.resolve('tsx/package.json'))('esbuild');
  } catch {
    return;
  }
  const packageName = (specifier) => specifier.split('/', specifier.startsWith('@') ? 2 : 1).join('/');
  await esbuild.build({
    entryPoints: [join(out, 'cli', 'main.js')],
    outdir: join(out, dirname(BUNDLE)),
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        name: 'external-packages',
        setup(b) {
          // Bare specifiers (packages, node: builtins) stay imports unless the package is bundled.
          b.onResolve({ filter: /^[^./#]/ }, (args) =>
            BUNDLED_PACKAGES.has(packageName(args.path)) ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
}

/** The template is PGlite-version specific: an upgrade of the package builds a new one. */
const pgliteVersion = () =>
  JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;
const TEMPLATE_MARK = join(TEMPLATE, '.pglite-version');

async function pgliteTemplate() {
  const version = pgliteVersion();
  if (existsSync(TEMPLATE_MARK) && readFileSync(TEMPLATE_MARK, 'utf8') === version) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const tmp = join(dist, `.pglite-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const pglite = await PGlite.create(join(tmp, 'platform'));
  await pglite.close();
  cpSync(join(tmp, 'platform'), join(tmp, 'simulator'), { recursive: true });
  writeFileSync(join(tmp, '.pglite-version'), version);
  rmSync(TEMPLATE, { recursive: true, force: true });
  renameSync(tmp, TEMPLATE);
}

/** Applies the migrations of this build to the templates (cheap when they already are). */
async function migrateTemplates() {
  const server = (p) => pathToFileURL(join(dist, 'server', p)).href;
  const { openDatabase } = await import(server('adapters/db/connect.js'));
  const { migrateToLatest } = await import(server('adapters/db/migrate.js'));
  const { createSimulatorStore } = await import(server('simulator/store/create-store.js'));
  for (const [name, migrate] of [
    ['platform', (db) => migrateToLatest(db)],
    ['simulator', (db) => createSimulatorStore(db)],
  ]) {
    const handle = await openDatabase({ pgliteDir: TEMPLATES[name] });
    try {
      await migrate(handle.db);
    } finally {
      await handle.close();
    }
  }
}

export async function build({ quiet = false } = {}) {
  mkdirSync(dist, { recursive: true });
  const t = performance.now();
  await compile();
  await pgliteTemplate();
  await migrateTemplates();
  const { buildWeb } = await import('./build-web.mjs');
  await buildWeb({ quiet });
  if (!quiet) console.log(`beian: built dist/ in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  build().catch((e) => {
    console.error(`beian: build failed: ${e.message}`);
    process.exit(1);
  });
}
