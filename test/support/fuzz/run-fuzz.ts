import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../src/app-context.ts';
import { injectJson, type LoggedIn, loginAs } from '../http.ts';
import { createRng, type FuzzRequest, operationsOf, requestFor } from './generate.ts';

export const FUZZ_ROLES = ['anonymous', 'applicant', 'sub_account', 'reviewer', 'admin'] as const;
export type FuzzRole = (typeof FUZZ_ROLES)[number];

export type FuzzFailure = { index: number; role: FuzzRole; request: FuzzRequest; status: number; body: string };
export type FuzzResult = { sent: number; byStatus: Record<number, number>; failures: FuzzFailure[] };

/** How to replay one failing request by hand (the role's session cookie aside). */
export const reproduce = (f: FuzzFailure): string =>
  `#${f.index} as ${f.role} → ${f.status} ${f.body.slice(0, 300)}\n` +
  `  app.inject(${JSON.stringify({ method: f.request.method, url: f.request.url, headers: f.request.headers, payload: f.request.payload && f.request.payload.length > 2000 ? `${f.request.payload.slice(0, 2000)}…(${f.request.payload.length} chars)` : f.request.payload })})`;

/**
 * Fires `requests` generated requests at the app (every operation of its OpenAPI document × every role, round
 * robin over operations, the role and the values drawn from `seed`) and collects every 5xx. Logout is left out:
 * it would end the role's session for the rest of the run.
 */
export async function runFuzz(opts: {
  app: FastifyInstance;
  ctx: AppContext;
  requests: number;
  seed: number;
  onProgress?: (sent: number) => void;
}): Promise<FuzzResult> {
  const { app, ctx } = opts;
  const applicant = await loginAs(app, ctx, 'applicant');
  const sessions: Record<Exclude<FuzzRole, 'anonymous'>, LoggedIn> = {
    applicant,
    sub_account: await loginAs(app, ctx, 'sub_account', { parent: applicant.user }),
    reviewer: await loginAs(app, ctx, 'reviewer'),
    admin: await loginAs(app, ctx, 'admin'),
  };
  const ids = [
    ...Object.values(sessions).flatMap((s) => [s.user.id, s.user.accountId]),
    ...(await someOrderIds(app, applicant)),
  ];

  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  // /sim is the regulator simulator's console, mounted in-process by the test platform: a test double, not the
  // platform's API (it has its own tests).
  const ops = operationsOf(doc, (op) => op.path.endsWith('/auth/logout') || op.path.startsWith('/sim/'));
  const rng = createRng(opts.seed);
  const f = { rng, ids, doc };
  const byStatus: Record<number, number> = {};
  const failures: FuzzFailure[] = [];
  for (let i = 0; i < opts.requests; i++) {
    const op = ops[i % ops.length]!;
    const role = FUZZ_ROLES[rng.int(FUZZ_ROLES.length)]!;
    const request = requestFor(op, f);
    const cookie = role === 'anonymous' ? undefined : sessions[role].cookie;
    const response = await app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: { ...request.headers, ...(cookie ? { cookie } : {}) },
      ...(request.payload !== undefined ? { payload: request.payload } : {}),
    });
    byStatus[response.statusCode] = (byStatus[response.statusCode] ?? 0) + 1;
    if (response.statusCode >= 500) {
      failures.push({ index: i, role, request, status: response.statusCode, body: response.body });
    }
    if (opts.onProgress && (i + 1) % 1000 === 0) opts.onProgress(i + 1);
  }
  return { sent: opts.requests, byStatus, failures };
}

/** Real order ids make path parameters reach the handlers' ownership and state checks, not only the 404. */
async function someOrderIds(app: FastifyInstance, applicant: LoggedIn): Promise<string[]> {
  const ids: string[] = [];
  for (const body of [
    { kind: 'new', domain: `fuzz-${Date.now()}.cn`, subjectAlreadyFiled: false },
    { kind: 'change_images' },
  ]) {
    const response = await injectJson(app, {
      method: 'POST',
      url: '/api/v1/applicant/orders',
      cookie: applicant.cookie,
      body,
    });
    if (response.statusCode === 201) ids.push(response.json().id);
  }
  return ids;
}
