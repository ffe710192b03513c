import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrderData } from '../../../../../src/contracts/filing-data.ts';
import { SaveOrderDataResponseSchema } from '../../../../../src/contracts/order-api.ts';
import { api } from '../../../api/client.ts';
import { orderKeys } from '../../orders/api/query-keys.ts';

/**
 * The validation answers (province, subject type, certificate) saved as the new order's first draft data, so
 * the wizard opens prefilled: the start request carries only the domain and the "already filed" answers.
 * The order id is known only once the order exists, hence a variable rather than the hook's argument.
 */
export const usePrefillOrder = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, data }: { id: string; version: number; data: OrderData }) =>
      api(`/applicant/orders/${encodeURIComponent(id)}/data`, SaveOrderDataResponseSchema, {
        method: 'PUT',
        body: { version, data },
      }),
    onSuccess: (saved) => {
      const { findings: _findings, ...view } = saved;
      qc.setQueryData(orderKeys.one(saved.id), view);
    },
  });
};
