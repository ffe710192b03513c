#!/usr/bin/env node
// Measures the JavaScript a browser loads for the portal's first pages, gzip level 9, from the Vite manifest of
// dist/web: the entry, the page's chunk and every chunk they import statically (what the browser fetches before
// the page can render). Fails above the budget (issue 7: 350 kB). `--json` prints JSON, `--verbose` each file.
// Run after a build (npm install builds; npm run build:web rebuilds).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');
const BUDGET_KB = 350;
/** The first pages a person can land on: the home page (signed in) and sign-in (everyone else). */
const PAGES = {
  home: ['index.html', 'src/features/home/pages/home-page.tsx'],
  'sign-in': ['index.html', 'src/app/layouts/auth-layout.tsx', 'src/features/auth/pages/sign-in-page.tsx'],
};

const manifest = JSON.parse(readFileSync(join(root, '.vite', 'manifest.json'), 'utf8'));

function measure(sources) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the manifest: ${key}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const key of sources) visit(key);
  const rows = [...files]
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const raw = readFileSync(join(root, file));
      const kb = (n) => Number((n / 1024).toFixed(1));
      return { file, rawKB: kb(raw.length), gzipKB: kb(gzipSync(raw, { level: 9 }).length) };
    });
  return { gzipKB: Number(rows.reduce((s, r) => s + r.gzipKB, 0).toFixed(1)), files: rows };
}

const pages = Object.fromEntries(Object.entries(PAGES).map(([name, sources]) => [name, measure(sources)]));
if (process.argv.includes('--json')) console.log(JSON.stringify({ budgetKB: BUDGET_KB, pages }, null, 2));
else {
  for (const [name, page] of Object.entries(pages)) {
    if (process.argv.includes('--verbose'))
      for (const r of page.files) console.log(`${r.gzipKB.toFixed(1).padStart(7)} kB gzip  ${r.file}`);
    console.log(
      `${name}: ${page.gzipKB} kB of JavaScript (gzip -9, ${page.files.length} files), budget ${BUDGET_KB} kB`,
    );
  }
}
const over = Object.entries(pages).filter(([, p]) => p.gzipKB > BUDGET_KB);
if (over.length > 0) {
  console.error(`over budget: ${over.map(([n, p]) => `${n} ${p.gzipKB} kB`).join(', ')} (budget ${BUDGET_KB} kB)`);
  process.exit(1);
}
