import { useQuery } from '@tanstack/react-query';
import { QueueAssigneesSchema } from '../../../../../src/contracts/queue-api.ts';
import { api } from '../../../api/client.ts';
import { queueKeys } from './get-queue.ts';

/** GET /reviewer/queue/assignees: the staff members the assignee filter offers. */
export const useQueueAssignees = () =>
  useQuery({
    queryKey: queueKeys.assignees,
    queryFn: ({ signal }) => api('/reviewer/queue/assignees', QueueAssigneesSchema, { signal }),
    staleTime: 5 * 60_000,
  });
