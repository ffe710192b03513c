// per-module rendered sizes from a rolldown build
import { build } from 'vite';

const out = await build({
  configFile: 'vite.config.ts',
  logLevel: 'silent',
  build: { write: false, outDir: '/tmp/x', manifest: false },
});
const outputs = Array.isArray(out) ? out.flatMap((o) => o.output) : out.output;
const { gzipSync } = await import('node:zlib');
const agg = {};
for (const c of outputs) {
  if (c.type !== 'chunk') continue;
  for (const [id, m] of Object.entries(c.modules)) {
    const key = id
      .replace(/.*node_modules\//, 'nm:')
      .replace(/^(nm:(@[^/]+\/)?[^/]+).*/, '$1')
      .replace(/.*\/work\/main\//, '');
    const k = `${c.fileName.replace(/-[^-]+\.js$/, '')} :: ${key}`;
    agg[k] = (agg[k] ?? 0) + (m.code ? gzipSync(m.code, { level: 9 }).length : 0);
  }
}
for (const [k, v] of Object.entries(agg)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 45))
  console.log((v / 1024).toFixed(1).padStart(6), k);
