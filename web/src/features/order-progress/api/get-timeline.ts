import { queryOptions, useQuery } from '@tanstack/react-query';
import { type TimelineResponse, TimelineResponseSchema } from '../../../../../src/contracts/timeline-api.ts';
import { api } from '../../../api/client.ts';

export type { TimelineResponse };

/** Under the order's key, so whatever invalidates the order (['orders', id]) refreshes its timeline too. */
export const timelineKey = (id: string) => ['orders', id, 'timeline'] as const;

export const timelineQuery = (id: string) =>
  queryOptions({
    queryKey: timelineKey(id),
    queryFn: ({ signal }) =>
      api(`/applicant/orders/${encodeURIComponent(id)}/timeline`, TimelineResponseSchema, { signal }),
  });

export const useOrderTimeline = (id: string, options: { refetchInterval?: number | false } = {}) =>
  useQuery({ ...timelineQuery(id), ...options });
