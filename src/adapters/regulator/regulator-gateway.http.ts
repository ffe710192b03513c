import type { z } from 'zod';
import {
  DomainFilingStatusSchema,
  GATEWAY_PREFIX,
  RegulatorOrderStatusSchema,
  SubjectNumberStatusSchema,
  SubmissionRefSchema,
} from '../../contracts/regulator-protocol.ts';
import { DomainError } from '../../domain/errors.ts';
import type { RegulatorGateway } from '../../domain/ports/regulator-gateway.ts';

export type HttpRegulatorOptions = {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  fetch?: typeof fetch;
};

/**
 * The production path to the regulator: the access-provider interface over HTTPS. A transport failure or a 5xx
 * becomes REGULATOR_UNAVAILABLE, which the outbox retries with backoff; because the outcome of a failed submit is
 * unknown, the dispatcher asks `findSubmission` before sending again.
 */
export function createHttpRegulatorGateway(options: HttpRegulatorOptions): RegulatorGateway {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function call<S extends z.ZodType>(
    schema: S,
    method: 'GET' | 'POST',
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; notFound?: () => z.infer<S> } = {},
  ): Promise<z.infer<S>> {
    let res: Response;
    try {
      res = await doFetch(`${base}${GATEWAY_PREFIX}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          accept: 'application/json',
          ...(init.body !== undefined && { 'content-type': 'application/json' }),
          ...init.headers,
        },
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new DomainError('REGULATOR_UNAVAILABLE', { message: `regulator unreachable: ${(error as Error).message}` });
    }
    if (res.status === 404 && init.notFound) return init.notFound();
    const text = await res.text();
    if (!res.ok) {
      throw new DomainError('REGULATOR_UNAVAILABLE', {
        message: `regulator answered ${res.status} on ${method} ${path}`,
        details: { status: res.status, body: text.slice(0, 300) },
      });
    }
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new DomainError('REGULATOR_UNAVAILABLE', {
        message: `regulator answer of ${path} does not match the protocol`,
      });
    }
    return parsed.data;
  }

  return {
    lookupDomain: (domain) => call(DomainFilingStatusSchema, 'GET', `/domains/${encodeURIComponent(domain)}`),
    lookupSubjectNumber: (number) => call(SubjectNumberStatusSchema, 'GET', `/subjects/${encodeURIComponent(number)}`),
    submit: (submission) =>
      call(SubmissionRefSchema, 'POST', '/submissions', {
        body: submission,
        headers: { 'idempotency-key': submission.idempotencyKey },
      }),
    findSubmission: (key) =>
      call(SubmissionRefSchema.nullable(), 'GET', `/submissions/${encodeURIComponent(key)}`, { notFound: () => null }),
    getStatus: (ref) => call(RegulatorOrderStatusSchema, 'GET', `/orders/${encodeURIComponent(ref)}/status`),
  };
}
