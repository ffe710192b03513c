import { useQuery } from '@tanstack/react-query';
import { QueueAssigneesSchema } from '../../../../../src/contracts/queue-api.ts';
import { api } from '../../../api/client.ts';

/** GET /reviewer/queue/assignees: active colleagues, for reassigning an order. */
export const useStaffList = (enabled: boolean) =>
  useQuery({
    queryKey: ['staff-members'],
    queryFn: ({ signal }) => api('/reviewer/queue/assignees', QueueAssigneesSchema, { signal }),
    enabled,
    staleTime: 60_000,
  });
