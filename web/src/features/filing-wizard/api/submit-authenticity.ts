import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OrderViewSchema } from '../../../../../src/contracts/order-api.ts';
import { api } from '../../../api/client.ts';
import { orderKeys } from '../../orders/api/query-keys.ts';

/** POST /applicant/orders/:id/authenticity: hand the uploaded photos in for the provider's review. */
export function useSubmitAuthenticity(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api(`/applicant/orders/${encodeURIComponent(orderId)}/authenticity`, OrderViewSchema, { method: 'POST' }),
    onSuccess: (order) => qc.setQueryData(orderKeys.one(orderId), order),
  });
}
