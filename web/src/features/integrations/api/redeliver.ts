import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { type Audience, integrationKeys, pathOf, routesOf } from './routes.ts';

/** Sends a delivery's event again as a new delivery. */
export const useRedeliver = (audience: Audience, subscriptionId: string) => {
  const qc = useQueryClient();
  const spec = routesOf(audience).redeliverWebhook;
  return useMutation({
    mutationFn: (deliveryId: string) => api(pathOf(spec, deliveryId), spec.response, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: integrationKeys.deliveries(audience, subscriptionId) }),
  });
};
