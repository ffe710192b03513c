import { queryOptions, useQuery } from '@tanstack/react-query';
import { PrecheckViewSchema } from '../../../../../src/contracts/order-api.ts';
import { api } from '../../../api/client.ts';
import { orderKeys } from './query-keys.ts';

export const precheckQuery = (id: string) =>
  queryOptions({
    queryKey: orderKeys.precheck(id),
    queryFn: ({ signal }) =>
      api(`/applicant/orders/${encodeURIComponent(id)}/precheck`, PrecheckViewSchema, { signal }),
  });

export const usePrecheck = (id: string) => useQuery(precheckQuery(id));
