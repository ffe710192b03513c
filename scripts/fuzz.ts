/**
 * The OpenAPI-driven fuzzer (issue 6 item 16) at length: `npm run fuzz -- --requests 20000 --seed 7`.
 * Runs on PGlite (or DATABASE_URL), prints every 5xx with the request that reproduces it, exits 1 if any.
 */
import { parseArgs } from 'node:util';
import { reproduce, runFuzz } from '../test/support/fuzz/run-fuzz.ts';
import { createTestPlatform } from '../test/support/platform.ts';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' } },
});
const requests = Number(values.requests);
const seed = Number(values.seed);
const platform = await createTestPlatform({ regulator: 'in_process' });
const started = performance.now();
try {
  const result = await runFuzz({
    app: platform.app,
    ctx: platform.ctx,
    requests,
    seed,
    onProgress: (sent) => console.log(`… ${sent} requests, ${((performance.now() - started) / 1000).toFixed(0)} s`),
  });
  console.log(`seed ${seed}: ${result.sent} requests in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log('by status:', JSON.stringify(result.byStatus));
  for (const failure of result.failures) console.log(reproduce(failure));
  console.log(result.failures.length === 0 ? 'no 5xx' : `${result.failures.length} requests answered 5xx`);
  process.exitCode = result.failures.length === 0 ? 0 : 1;
} finally {
  await platform.close();
}
