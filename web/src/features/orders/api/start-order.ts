import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OrderViewSchema, type StartOrderRequestBody } from '../../../../../src/contracts/order-api.ts';
import { api } from '../../../api/client.ts';
import { orderKeys } from './query-keys.ts';

/** Starts an order; the Idempotency-Key makes a double click or a retried request start only one. */
export const useStartOrder = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: StartOrderRequestBody; idempotencyKey: string }) =>
      api('/applicant/orders', OrderViewSchema, {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    onSuccess: (order) => {
      qc.setQueryData(orderKeys.one(order.id), order);
      void qc.invalidateQueries({ queryKey: orderKeys.list() });
    },
  });
};
