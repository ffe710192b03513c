import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type OutboxFilter, OutboxItemSchema, OutboxListSchema } from '../../../../../src/contracts/forwarding-api.ts';
import { api } from '../../../api/client.ts';

const outboxKeys = {
  list: (filter: OutboxFilter) => ['admin-outbox', filter] as const,
  all: ['admin-outbox'] as const,
};

/** GET /admin/outbox: the rows still owed (or sent), newest first, paged by the last row's id. */
export const useOutbox = (filter: OutboxFilter) =>
  useInfiniteQuery({
    queryKey: outboxKeys.list(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api('/admin/outbox', OutboxListSchema, { query: { filter, before: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    refetchInterval: 10_000,
  });

/** POST /admin/outbox/:id/retry: send the row at the worker's next sweep. */
export const useRetryOutbox = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api(`/admin/outbox/${encodeURIComponent(id)}/retry`, OutboxItemSchema, { method: 'POST' }),
    onSettled: () => void qc.invalidateQueries({ queryKey: outboxKeys.all }),
  });
};
