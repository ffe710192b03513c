#!/usr/bin/env node
// Measures the JavaScript a browser loads for the portal's first page (`/`: the entry, the home page's chunk and
// every chunk they import statically), gzip level 9, from the Vite manifest of dist/web. Fails above the budget
// (issue 7: 350 KB). `--json` prints the figures as JSON. Run after a build (npm run build:web).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');
const BUDGET_KB = 350;
const FIRST_PAGE_SOURCES = ['index.html', 'src/features/home/pages/home-page.tsx'];

const manifest = JSON.parse(readFileSync(join(root, '.vite', 'manifest.json'), 'utf8'));
const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`not in the manifest: ${key}`);
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const dep of chunk.imports ?? []) visit(dep);
};
for (const key of FIRST_PAGE_SOURCES) visit(key);

const rows = [...files]
  .filter((f) => f.endsWith('.js'))
  .map((file) => {
    const raw = readFileSync(join(root, file));
    return { file, rawKB: raw.length / 1024, gzipKB: gzipSync(raw, { level: 9 }).length / 1024 };
  });
const total = rows.reduce((s, r) => s + r.gzipKB, 0);
const result = {
  budgetKB: BUDGET_KB,
  gzipKB: Number(total.toFixed(1)),
  files: rows.map((r) => ({ ...r, rawKB: +r.rawKB.toFixed(1), gzipKB: +r.gzipKB.toFixed(1) })),
};

if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  for (const r of result.files) console.log(`${r.gzipKB.toFixed(1).padStart(7)} kB gzip  ${r.file}`);
  console.log(`first page: ${result.gzipKB} kB of JavaScript (gzip -9), budget ${BUDGET_KB} kB`);
}
if (total > BUDGET_KB) {
  console.error(`first page over budget: ${total.toFixed(1)} kB > ${BUDGET_KB} kB`);
  process.exit(1);
}
