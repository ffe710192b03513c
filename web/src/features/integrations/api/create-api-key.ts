import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { type Audience, integrationKeys, pathOf, routesOf } from './routes.ts';

export type NewApiKey = { name: string; scopes: string[]; expiresAt?: string; ownerId?: string };

/** The answer carries the secret: the page shows it once and never again. */
export const useCreateApiKey = (audience: Audience) => {
  const qc = useQueryClient();
  const spec = routesOf(audience).createApiKey;
  return useMutation({
    mutationFn: (body: NewApiKey) => api(pathOf(spec), spec.response, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: integrationKeys.apiKeys(audience) }),
  });
};
