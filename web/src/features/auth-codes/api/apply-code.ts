import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AuthorizationCodeResponseSchema } from '../../../../../src/contracts/account-api.ts';
import { api } from '../../../api/client.ts';
import { codeKeys } from './query-keys.ts';

/** One code per call (domain.md T13). */
export const useApplyCode = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { resourceId: string; publicIp?: string }) =>
      api('/applicant/authorization-codes', AuthorizationCodeResponseSchema, { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: codeKeys.codes });
      void qc.invalidateQueries({ queryKey: codeKeys.resources });
    },
  });
};
