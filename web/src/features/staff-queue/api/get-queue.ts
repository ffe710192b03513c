import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import {
  type QueueFilters,
  type QueueItem,
  QueuePageSchema,
  type QueueTab,
} from '../../../../../src/contracts/queue-api.ts';
import { api } from '../../../api/client.ts';

export type { QueueFilters, QueueItem, QueueTab };

export const queueKeys = {
  all: ['staff-queue'] as const,
  list: (tab: QueueTab, filters: QueueFilters, q: string) => ['staff-queue', 'list', tab, filters, q] as const,
  counts: (filters: QueueFilters) => ['staff-queue', 'counts', filters] as const,
  assignees: ['staff-queue', 'assignees'] as const,
};

/**
 * One tab of the back-office queue, paged by the server's keyset cursor ("load more"). A search goes in a POST
 * body (POST /reviewer/queue/search): a sponsor's name is personal data and must not sit in a URL.
 */
export const useQueue = (tab: QueueTab, filters: QueueFilters, q: string, limit = 25) =>
  useInfiniteQuery({
    queryKey: queueKeys.list(tab, filters, q),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      q
        ? api('/reviewer/queue/search', QueuePageSchema, {
            method: 'POST',
            body: { tab, ...filters, q, limit, ...(pageParam && { cursor: pageParam }) },
            signal,
          })
        : api('/reviewer/queue', QueuePageSchema, {
            query: { tab, ...filters, limit, cursor: pageParam },
            signal,
          }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
