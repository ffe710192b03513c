import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OrderViewSchema } from '../../../../../src/contracts/order-api.ts';
import { api } from '../../../api/client.ts';
import { orderKeys } from './query-keys.ts';

/** The order-level actions that answer the updated order: accept terms, submit, abandon. */
function useOrderAction<B>(id: string, path: string, toBody: (input: B) => unknown) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: B) =>
      api(`/applicant/orders/${encodeURIComponent(id)}${path}`, OrderViewSchema, {
        method: 'POST',
        body: toBody(input),
      }),
    onSuccess: (order) => {
      qc.setQueryData(orderKeys.one(id), order);
      void qc.invalidateQueries({ queryKey: orderKeys.list() });
      void qc.invalidateQueries({ queryKey: orderKeys.precheck(id) });
    },
  });
}

export const useAcceptTerms = (id: string) =>
  useOrderAction<void>(id, '/terms', () => ({ infoSecurityAgreement: true, assistedCorrectionTerms: true }));

/** Submit, or resubmit after a rejection (修改信息提交), at the version the user confirmed. */
export const useSubmitOrder = (id: string) => useOrderAction<{ version: number }>(id, '/submit', (b) => b);

export const useAbandonOrder = (id: string) => useOrderAction<{ version?: number }>(id, '/abandon', (b) => b);
