import { queryOptions, useQuery } from '@tanstack/react-query';
import { type PublicConfig, PublicConfigSchema } from '../../../../../src/contracts/public-config-api.ts';
import { api } from '../../../api/client.ts';

export type { PublicConfig };

/** Where MIIT's SMS verification page is (the simulator in development) and MIIT's limits; changes only on deploy. */
export const publicConfigQuery = queryOptions({
  queryKey: ['public-config'] as const,
  queryFn: ({ signal }) => api('/public/config', PublicConfigSchema, { signal }),
  staleTime: Number.POSITIVE_INFINITY,
});

export const usePublicConfig = () => useQuery(publicConfigQuery);
