import { completeFirstFiling, createHttp } from '../bench/filing-client.ts';
import { DEMO_ACCOUNTS } from '../src/seed/demo.ts';

/**
 * `npm run demo:filing` — files a first filing on a running platform through its HTTP API alone, acting as the
 * applicant, the provider's reviewer, the responsible person on MIIT's SMS page and the administration (all via
 * the platform API and the simulator service), and prints the numbers. Base URLs: BEIAN_URL (default http://127.0.0.1:3000) and BEIAN_SIM_URL (http://127.0.0.1:3001).
 */
const base = process.env.BEIAN_URL ?? 'http://127.0.0.1:3000';
const simulatorUrl = process.env.BEIAN_SIM_URL ?? 'http://127.0.0.1:3001';
const http = createHttp(base);
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

const started = performance.now();
const result = await completeFirstFiling(base, {
  admin: await http.login(account('admin').email, account('admin').password),
  reviewer: await http.login(account('reviewer').email, account('reviewer').password),
  manualAdminDecision: true,
  simulatorUrl,
});
process.stdout.write(
  `${JSON.stringify({ orderId: result.orderId, ...result.numbers, seconds: ((performance.now() - started) / 1000).toFixed(1) }, null, 2)}\n`,
);
