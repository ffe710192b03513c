import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { type Audience, integrationKeys, pathOf, routesOf } from './routes.ts';

export const useWebhooks = (audience: Audience) => {
  const spec = routesOf(audience).listWebhooks;
  return useQuery({
    queryKey: integrationKeys.webhooks(audience),
    queryFn: ({ signal }) => api(pathOf(spec), spec.response, { signal }),
  });
};
