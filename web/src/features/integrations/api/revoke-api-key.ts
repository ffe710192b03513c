import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { type Audience, integrationKeys, pathOf, routesOf } from './routes.ts';

export const useRevokeApiKey = (audience: Audience) => {
  const qc = useQueryClient();
  const spec = routesOf(audience).revokeApiKey;
  return useMutation({
    mutationFn: (id: string) => api(pathOf(spec, id), spec.response, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: integrationKeys.apiKeys(audience) }),
  });
};
