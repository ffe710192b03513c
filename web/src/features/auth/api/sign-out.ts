import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

export const useSignOut = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/auth/logout', null, { method: 'POST' }),
    onSettled: () => qc.clear(),
  });
};
