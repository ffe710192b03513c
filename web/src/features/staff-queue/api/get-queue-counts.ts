import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { QueueCountsSchema, type QueueFilters } from '../../../../../src/contracts/queue-api.ts';
import { api } from '../../../api/client.ts';
import { queueKeys } from './get-queue.ts';

/** GET /reviewer/queue/counts: orders per tab under the filters (the search does not narrow them). */
export const useQueueCounts = (filters: QueueFilters) =>
  useQuery({
    queryKey: queueKeys.counts(filters),
    queryFn: ({ signal }) => api('/reviewer/queue/counts', QueueCountsSchema, { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
