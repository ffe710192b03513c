import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { type Audience, integrationKeys, pathOf, routesOf } from './routes.ts';

/** A subscription's latest deliveries with their attempts; refreshed while pending ones are retried. */
export const useDeliveries = (audience: Audience, subscriptionId: string) => {
  const spec = routesOf(audience).listWebhookDeliveries;
  return useQuery({
    queryKey: integrationKeys.deliveries(audience, subscriptionId),
    queryFn: ({ signal }) => api(pathOf(spec, subscriptionId), spec.response, { signal }),
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending') ? 5000 : false),
  });
};
