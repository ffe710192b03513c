import { type RealNameAnswer, RealNameAnswerSchema, realNamePath } from '../../contracts/real-name-protocol.ts';
import { DomainError } from '../../domain/errors.ts';
import type { RealNameLookup, RealNameRegistry } from '../../domain/ports/real-name-registry.ts';

export type HttpRealNameOptions = {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  fetch?: typeof fetch;
};

/**
 * The provider's real-name registry over HTTP (REAL_NAME_REGISTRY=http; contract in
 * docs/integrations/real-name-registry.md). The registry decides: 404 (account unknown there) reads as not
 * verified; a timeout, a refused token, a 5xx or an answer off the contract is REAL_NAME_REGISTRY_UNAVAILABLE
 * (502), so the applicant is told to try again instead of being refused for good. The answer carries personal
 * data, so errors name the status only, never the body.
 */
export function createHttpRealNameRegistry(options: HttpRealNameOptions): RealNameRegistry {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const unavailable = (message: string, details?: Record<string, unknown>) =>
    new DomainError('REAL_NAME_REGISTRY_UNAVAILABLE', { message, ...(details && { details }) });

  return {
    async lookup(accountId): Promise<RealNameLookup> {
      let res: Response;
      try {
        res = await doFetch(`${base}${realNamePath(accountId)}`, {
          headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' },
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        throw unavailable(
          timedOut
            ? `real-name registry did not answer within ${options.timeoutMs} ms`
            : 'real-name registry unreachable',
          { reason: timedOut ? 'timeout' : 'unreachable' },
        );
      }
      if (res.status === 404) {
        await res.body?.cancel();
        return { status: 'unverified' };
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw unavailable(`real-name registry answered ${res.status}`, { status: res.status });
      }
      let answer: RealNameAnswer;
      try {
        const parsed = RealNameAnswerSchema.safeParse(await res.json());
        if (!parsed.success || parsed.data.accountId !== accountId) throw new Error('off contract');
        answer = parsed.data;
      } catch {
        throw unavailable('real-name registry answer does not match the contract', { reason: 'invalid_answer' });
      }
      if (answer.status === 'unverified') return { status: 'unverified' };
      const verifiedAt = new Date(answer.verifiedAt);
      return answer.kind === 'individual'
        ? {
            status: 'verified',
            identity: {
              kind: 'individual',
              name: answer.name,
              idType: answer.idType,
              idNumber: answer.idNumber,
              verifiedAt,
            },
          }
        : { status: 'verified', identity: { kind: 'unit', name: answer.name, uscc: answer.uscc, verifiedAt } };
    },
  };
}
