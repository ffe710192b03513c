import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../api/client.ts';
import { orderKeys } from '../../orders/api/query-keys.ts';

/** DELETE /applicant/orders/:id/materials/:materialId (204); the order and its pre-check are refetched after. */
export function useRemoveMaterial(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (materialId: string) =>
      api(`/applicant/orders/${encodeURIComponent(orderId)}/materials/${encodeURIComponent(materialId)}`, z.null(), {
        method: 'DELETE',
      }),
    // Not awaited: the refetch takes the removed card away, and the button's confirmation is shown before that.
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: orderKeys.one(orderId), exact: true });
      void qc.invalidateQueries({ queryKey: orderKeys.precheck(orderId) });
    },
  });
}
