import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { type Audience, integrationKeys, pathOf, routesOf } from './routes.ts';

export const useApiKeys = (audience: Audience) => {
  const spec = routesOf(audience).listApiKeys;
  return useQuery({
    queryKey: integrationKeys.apiKeys(audience),
    queryFn: ({ signal }) => api(pathOf(spec), spec.response, { signal }),
  });
};
