import { useQuery } from '@tanstack/react-query';
import { ForwardingListSchema } from '../../../../../src/contracts/forwarding-api.ts';
import { api } from '../../../api/client.ts';

export const forwardingKeys = { all: ['staff-forwarding'] as const };

/** GET /reviewer/forwarding: approved orders not yet at the regulator; looks again while some are on their way. */
export const useForwarding = () =>
  useQuery({
    queryKey: forwardingKeys.all,
    queryFn: ({ signal }) => api('/reviewer/forwarding', ForwardingListSchema, { signal }),
    refetchInterval: (q) => (q.state.data?.items.some((i) => i.outbox.status !== 'held') ? 5_000 : 30_000),
  });
