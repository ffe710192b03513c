import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WebhookEventType } from '../../../../../src/contracts/integrations-api.ts';
import { api } from '../../../api/client.ts';
import { type Audience, integrationKeys, pathOf, routesOf } from './routes.ts';

/** The answer carries the signing secret, shown once. */
export const useCreateWebhook = (audience: Audience) => {
  const qc = useQueryClient();
  const spec = routesOf(audience).createWebhook;
  return useMutation({
    mutationFn: (body: { url: string; eventTypes: WebhookEventType[]; description?: string }) =>
      api(pathOf(spec), spec.response, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: integrationKeys.webhooks(audience) }),
  });
};
