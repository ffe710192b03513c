import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ForwardResultSchema } from '../../../../../src/contracts/forwarding-api.ts';
import { api } from '../../../api/client.ts';
import { forwardingKeys } from './get-forwarding.ts';

/** POST /reviewer/forwarding: forward one or a batch of held orders now. */
export const useForwardOrders = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (orderIds: string[]) =>
      api('/reviewer/forwarding', ForwardResultSchema, { method: 'POST', body: { orderIds } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: forwardingKeys.all }),
  });
};
