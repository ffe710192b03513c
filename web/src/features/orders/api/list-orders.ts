import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { OrderSummarySchema } from '../../../../../src/contracts/order-api.ts';
import { api } from '../../../api/client.ts';
import { orderKeys } from './query-keys.ts';

export type OrderSummary = z.infer<typeof OrderSummarySchema>;

export const ordersQuery = queryOptions({
  queryKey: orderKeys.list(),
  queryFn: ({ signal }) => api('/applicant/orders', z.object({ items: z.array(OrderSummarySchema) }), { signal }),
});

export const useOrders = () => useQuery(ordersQuery);
