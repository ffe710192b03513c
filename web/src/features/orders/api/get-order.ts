import { queryOptions, useQuery } from '@tanstack/react-query';
import { type OrderView, OrderViewSchema } from '../../../../../src/contracts/order-api.ts';
import { api } from '../../../api/client.ts';
import { orderKeys } from './query-keys.ts';

export type { OrderView };

export const orderQuery = (id: string) =>
  queryOptions({
    queryKey: orderKeys.one(id),
    queryFn: ({ signal }) => api(`/applicant/orders/${encodeURIComponent(id)}`, OrderViewSchema, { signal }),
  });

export const useOrder = (id: string, options: { refetchInterval?: number | false } = {}) =>
  useQuery({ ...orderQuery(id), ...options });
