import type { z } from 'zod';

/** An answer of the API that is not 2xx, in the catalogue's one error body {code, message, details}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Raised when the network or the server's answer is unusable (offline, proxy page, contract drift). */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const BAD_RESPONSE = 'BAD_RESPONSE';

type Fetch = typeof fetch;
let fetchImpl: Fetch = (...args) => fetch(...args);
/** Tests inject their own fetch. */
export const setFetch = (f: Fetch) => {
  fetchImpl = f;
};

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
};

const sessionListeners = new Set<() => void>();
/** Called when any request answers AUTH_REQUIRED: the session ended (expired, signed out in another tab). */
export function onSessionExpired(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/**
 * The one way the app talks to the server: same-origin cookies, JSON (or FormData) in, the answer parsed with
 * the contract's zod schema out, so a type in the browser is exactly what the server promised.
 */
export async function api<S extends z.ZodType>(
  path: string,
  schema: S | null,
  { method = 'GET', body, query, signal, headers = {} }: RequestOptions = {},
): Promise<z.output<S>> {
  const qs = query
    ? `?${new URLSearchParams(
        Object.entries(query).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])),
      )}`
    : '';
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  let res: Response;
  try {
    res = await fetchImpl(`/api/v1${path}${qs === '?' ? '' : qs}`, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined && !isForm && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: isForm ? (body as FormData) : JSON.stringify(body) }),
      ...(signal && { signal }),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, NETWORK_ERROR, (e as Error).message);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, BAD_RESPONSE, text.slice(0, 200));
  }
  if (!res.ok) {
    const b = (json ?? {}) as { code?: string; message?: string; details?: unknown };
    const retry = Number(res.headers.get('retry-after'));
    const err = new ApiError(
      res.status,
      b.code ?? BAD_RESPONSE,
      b.message ?? res.statusText,
      b.details,
      Number.isFinite(retry) && retry > 0 ? retry : null,
    );
    if (err.code === 'AUTH_REQUIRED') for (const l of sessionListeners) l();
    throw err;
  }
  if (!schema) return json as z.output<S>;
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError(res.status, BAD_RESPONSE, parsed.error.message);
  return parsed.data;
}
