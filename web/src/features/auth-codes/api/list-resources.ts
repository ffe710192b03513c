import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ResourceResponseSchema } from '../../../../../src/contracts/account-api.ts';
import { api } from '../../../api/client.ts';
import { codeKeys } from './query-keys.ts';

export type Resource = z.infer<typeof ResourceResponseSchema>;

export const resourcesQuery = queryOptions({
  queryKey: codeKeys.resources,
  queryFn: ({ signal }) =>
    api('/applicant/resources', z.object({ items: z.array(ResourceResponseSchema) }), { signal }),
});

/** The account's cloud resources, each with whether a code can be applied for and, if not, why. */
export const useResources = () => useQuery(resourcesQuery);
