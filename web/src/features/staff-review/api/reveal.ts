import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RevealResponseSchema } from '../../../../../src/contracts/order-api.ts';
import { api } from '../../../api/client.ts';
import { staffOrderKeys } from './get-staff-order.ts';

/** POST /reviewer/orders/:id/reveal: one personal-data field in full, with a reason; the audit trail grows. */
export const useReveal = (orderId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { path: string; reason: string }) =>
      api(`/reviewer/orders/${encodeURIComponent(orderId)}/reveal`, RevealResponseSchema, { method: 'POST', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: staffOrderKeys.audit(orderId) }),
  });
};
