import { useInfiniteQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { OrderSummarySchema } from '../../../../../src/contracts/order-api.ts';
import type { OrderState } from '../../../../../src/contracts/reference-data.ts';
import { api } from '../../../api/client.ts';

export const QueuePageSchema = z.object({ items: z.array(OrderSummarySchema), nextCursor: z.string().nullable() });
export type QueueItem = z.infer<typeof OrderSummarySchema>;

export const queueKeys = {
  all: ['staff-queue'] as const,
  list: (state: OrderState | undefined, filters: QueueFilters) =>
    ['staff-queue', state ?? 'all', filters.province ?? 'any', filters.type ?? 'any'] as const,
};

/** Filters the server applies (province, filing type); paging runs over the filtered queue. */
export type QueueFilters = { province?: string; type?: string };

/** GET /reviewer/queue: oldest submission first, paged by the server's keyset cursor ("load more"). */
export const useReviewQueue = (state: OrderState | undefined, filters: QueueFilters = {}, limit = 25) =>
  useInfiniteQuery({
    queryKey: queueKeys.list(state, filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api('/reviewer/queue', QueuePageSchema, {
        query: { state, province: filters.province, type: filters.type, limit, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
