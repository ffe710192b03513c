import type { RealNameAnswer } from '../../../contracts/real-name-protocol.ts';
import { type JsonStandIn, startJsonStandIn } from '../../testing/json-stand-in.ts';

/**
 * A stand-in for the provider's real-name registry, speaking the contract of
 * docs/integrations/real-name-registry.md over a real socket, for tests of the HTTP adapter and of the platform
 * wired to it. Accounts not set answer 404. Test-only: it keeps personal data in memory.
 */
export type RealNameStandIn = JsonStandIn & {
  set(answer: RealNameAnswer): void;
  remove(accountId: string): void;
};

export async function startRealNameStandIn(token = 'stand-in-real-name-token'): Promise<RealNameStandIn> {
  const answers = new Map<string, RealNameAnswer>();
  const base = await startJsonStandIn(token, (req, url) => {
    const match = /^\/accounts\/([^/]+)\/real-name$/.exec(url.pathname);
    if (req.method !== 'GET' || !match) return { status: 404, body: { error: 'not_found' } };
    const answer = answers.get(decodeURIComponent(match[1]!));
    return answer ? { status: 200, body: answer } : { status: 404, body: { error: 'account_not_found' } };
  });
  return {
    ...base,
    set: (answer) => void answers.set(answer.accountId, answer),
    remove: (accountId) => void answers.delete(accountId),
  };
}
