import { queryOptions, useQuery } from '@tanstack/react-query';
import { type AccountRecords, AccountRecordsSchema } from '../../../../../src/contracts/records-api.ts';
import { api } from '../../../api/client.ts';
import { orderKeys } from './query-keys.ts';

export type { AccountRecords };

/** 备案管理: the filed subject and websites of this account. */
export const recordsQuery = queryOptions({
  queryKey: orderKeys.records(),
  queryFn: ({ signal }) => api('/applicant/records', AccountRecordsSchema, { signal }),
});

export const useRecords = () => useQuery(recordsQuery);
