import { queryOptions, useQuery } from '@tanstack/react-query';
import { SessionUserViewSchema } from '../../../../../src/contracts/auth-api.ts';
import { api } from '../../../api/client.ts';

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: ({ signal }) => api('/auth/me', SessionUserViewSchema, { signal }),
  staleTime: 60_000,
  retry: false,
});

export const useMe = () => useQuery(meQuery);
