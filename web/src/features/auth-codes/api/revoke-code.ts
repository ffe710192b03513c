import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AuthorizationCodeResponseSchema } from '../../../../../src/contracts/account-api.ts';
import { api } from '../../../api/client.ts';
import { codeKeys } from './query-keys.ts';

/** Revokes an unused code (409 AUTH_CODE_IN_USE once a filing holds it). */
export const useRevokeCode = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api(`/applicant/authorization-codes/${encodeURIComponent(code)}/revoke`, AuthorizationCodeResponseSchema, {
        method: 'POST',
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: codeKeys.codes });
      void qc.invalidateQueries({ queryKey: codeKeys.resources });
    },
  });
};
