import type { z } from 'zod';
import type { ErrorCode } from '../contracts/error-catalogue.ts';
import type { RouteSpec } from '../contracts/route-spec.ts';
import { OPERATIONS, type OperationName } from './operations.ts';

/**
 * Typed client of the beian API for integrators, tests and the benchmark. Authenticates with an API key
 * (`Authorization: Bearer bk_live_…`) or with a session it keeps itself (login → cookie jar of one cookie).
 * Uses only `fetch` and zod, so it runs in Node 20+, Deno, Bun and browsers.
 */
export type BeianClientOptions = {
  /** e.g. `https://beian.example.com` (no trailing `/api`). */
  baseUrl: string;
  apiKey?: string;
  /** A session obtained elsewhere (`beian_sid=…`), e.g. from a browser test's sign-in. */
  sessionCookie?: string;
  fetch?: typeof fetch;
};

/** Codes the client adds to the server's catalogue: nothing usable came back. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** Any non-2xx answer (the catalogue's `{code, message, details}`), a refused input, or an unusable answer. */
export class BeianApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'BeianApiError';
  }
}

type In<T> = T extends z.ZodType ? z.input<T> : never;
type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
type Field<K extends string, T> = [T] extends [z.ZodType] ? { [P in K]: In<T> } : { [P in K]?: never };

/** What an operation takes: its path parameters, body and query as the contracts define them. */
export type InputOf<S extends RouteSpec> = Field<'params', S['params']> &
  Field<'body', S['body']> &
  Partial<Field<'query', S['query']>> & { idempotencyKey?: string; signal?: AbortSignal };
export type OutputOf<S extends RouteSpec> = Out<S['response']>;
type Ops = typeof OPERATIONS;

const SESSION_COOKIE = /^(__Host-)?beian_sid=/;

export class BeianClient {
  readonly baseUrl: string;
  private apiKey: string | undefined;
  private sessionCookie: string | null = null;
  private readonly fetchImpl: typeof fetch;

  constructor(options: BeianClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.apiKey = options.apiKey;
    this.sessionCookie = options.sessionCookie ?? null;
    this.fetchImpl = options.fetch ?? ((...args) => fetch(...args));
  }

  /** Calls one operation of the table: input checked with the contract, answer parsed with it. */
  async call<K extends OperationName>(
    name: K,
    input: InputOf<Ops[K]> = {} as InputOf<Ops[K]>,
  ): Promise<OutputOf<Ops[K]>> {
    const spec: RouteSpec = OPERATIONS[name];
    const given = input as { params?: Record<string, string>; body?: unknown; query?: Record<string, unknown> };
    for (const [part, schema] of [
      ['params', spec.params],
      ['body', spec.body],
      ['query', spec.query],
    ] as const) {
      if (!schema) continue;
      const checked = schema.safeParse(given[part] ?? (part === 'body' ? undefined : {}));
      if (!checked.success) {
        throw new BeianApiError(0, 'VALIDATION_FAILED', `${name}: invalid ${part}`, { issues: checked.error.issues });
      }
    }
    const path = spec.path.replace(/:([a-zA-Z]+)/g, (_, key: string) => encodeURIComponent(given.params?.[key] ?? ''));
    const query = given.query
      ? new URLSearchParams(
          Object.entries(given.query).flatMap(([k, v]) =>
            v === undefined || v === '' ? [] : [[k, String(v)] as [string, string]],
          ),
        ).toString()
      : '';
    const answer = await this.send(spec.method, query ? `${path}?${query}` : path, {
      ...(spec.body && { json: given.body ?? {} }),
      ...(input.idempotencyKey && { headers: { 'idempotency-key': input.idempotencyKey } }),
      ...(input.signal && { signal: input.signal }),
    });
    if (answer.status !== spec.status && !(spec.status === 201 && answer.status === 200)) {
      throw new BeianApiError(answer.status, 'BAD_RESPONSE', `${name}: expected ${spec.status}, got ${answer.status}`);
    }
    if (!spec.response) return undefined as OutputOf<Ops[K]>;
    const parsed = spec.response.safeParse(answer.json);
    if (!parsed.success) {
      throw new BeianApiError(answer.status, 'BAD_RESPONSE', `${name}: the answer does not match the contract`, {
        issues: parsed.error.issues,
      });
    }
    return parsed.data as OutputOf<Ops[K]>;
  }

  /**
   * Any other route (admin tools, multipart uploads), with the same authentication and errors but an unchecked
   * answer. Prefer `call` wherever the operation is in the table.
   */
  async request(
    method: RouteSpec['method'],
    path: string,
    options: { json?: unknown; form?: FormData; headers?: Record<string, string> } = {},
  ): Promise<unknown> {
    return (await this.send(method, path, options)).json;
  }

  /** Password login; for staff the second factor with `totp()` (a code now). Keeps the session cookie. */
  async login(email: string, password: string, totp?: () => string) {
    const user = await this.call('login', { body: { email, password } });
    if (user.secondFactor !== 'verify' || !totp) return user;
    return this.call('verifySecondFactor', { body: { code: totp() } });
  }

  /**
   * The session's `Cookie` header value, for handing the session to another HTTP tool (the benchmark's load
   * generator). Throws when the client holds no session.
   */
  get cookie(): string {
    if (!this.sessionCookie) throw new BeianApiError(0, 'AUTH_REQUIRED', 'this client holds no session');
    return this.sessionCookie;
  }

  /** Switches to an API key (a key wins over a session cookie). */
  useApiKey(key: string | undefined): void {
    this.apiKey = key;
  }

  /** Uploads one material (multipart): `fields` as the form expects them (kind, websiteIndex, validUntil). */
  uploadMaterial(orderId: string, fields: Record<string, string>, file: Blob, filename: string) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file, filename);
    return this.request('POST', `/api/v1/applicant/orders/${encodeURIComponent(orderId)}/materials`, { form });
  }

  private async send(
    method: string,
    path: string,
    options: { json?: unknown; form?: FormData; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    else if (this.sessionCookie) headers.cookie = this.sessionCookie;
    let body: string | FormData | undefined;
    if (options.form) body = options.form;
    else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined && { body }),
        ...(options.signal && { signal: options.signal }),
      });
    } catch (e) {
      throw new BeianApiError(0, 'NETWORK_ERROR', e instanceof Error ? e.message : String(e));
    }
    this.keepSessionCookie(res);
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw new BeianApiError(res.status, 'BAD_RESPONSE', text.slice(0, 200));
    }
    if (!res.ok) {
      const error = (json ?? {}) as { code?: string; message?: string; details?: unknown };
      throw new BeianApiError(
        res.status,
        (error.code as ClientErrorCode | undefined) ?? 'BAD_RESPONSE',
        error.message ?? `HTTP ${res.status}`,
        error.details,
      );
    }
    return { status: res.status, json };
  }

  private keepSessionCookie(res: Response): void {
    const setCookies = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [];
    for (const line of setCookies) {
      const pair = line.split(';')[0] ?? '';
      if (!SESSION_COOKIE.test(pair)) continue;
      // A cleared cookie (logout) comes back empty.
      this.sessionCookie = pair.endsWith('=') ? null : pair;
    }
  }
}

export const createBeianClient = (options: BeianClientOptions): BeianClient => new BeianClient(options);
