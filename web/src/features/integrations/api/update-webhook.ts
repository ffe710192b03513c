import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { type Audience, integrationKeys, pathOf, routesOf } from './routes.ts';

/** Pauses or resumes a subscription. */
export const useUpdateWebhook = (audience: Audience) => {
  const qc = useQueryClient();
  const spec = routesOf(audience).updateWebhook;
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api(pathOf(spec, id), spec.response, { method: 'PATCH', body: { active } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: integrationKeys.webhooks(audience) }),
  });
};
