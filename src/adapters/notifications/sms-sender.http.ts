import type { SmsSender } from '../../domain/notifications/ports.ts';

export type HttpSmsSenderOptions = {
  url: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string;
  /** Whole-request budget; a hung provider must not hold an outbox lease (60 s) hostage. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

/**
 * A generic SMS gateway: `POST url` with JSON `{to, text, idempotencyKey}` (the key also as the
 * `Idempotency-Key` header, which most gateways honour). Any non-2xx answer, network error or timeout throws so
 * the outbox retries with backoff. Error messages name the status only, never the number: they end up in
 * `outbox.last_error`.
 */
export function createHttpSmsSender(options: HttpSmsSenderOptions): SmsSender {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5000;
  return {
    async send({ to, text, idempotencyKey }) {
      let response: Response;
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': idempotencyKey,
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify({ to, text, idempotencyKey }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const name = error instanceof Error ? error.name : 'Error';
        throw new Error(
          name === 'TimeoutError'
            ? `SMS provider timed out after ${timeoutMs} ms`
            : `SMS provider unreachable (${name})`,
        );
      }
      // Drain the body so the connection can be reused; its content is not needed.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`SMS provider answered HTTP ${response.status}`);
    },
  };
}
