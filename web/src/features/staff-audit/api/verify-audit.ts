import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AuditVerifyRequest, AuditVerifyResponseSchema } from '../../../../../src/contracts/audit-api.ts';
import { api } from '../../../api/client.ts';
import { auditKeys } from './search-audit.ts';

/** POST /admin/audit/verify: recomputes the hash chain; the check is itself audited, so the list grows by one. */
export const useVerifyAudit = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AuditVerifyRequest = {}) =>
      api('/admin/audit/verify', AuditVerifyResponseSchema, { method: 'POST', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: auditKeys.all }),
  });
};
