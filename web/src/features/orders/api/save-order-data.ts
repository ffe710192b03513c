import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrderData } from '../../../../../src/contracts/filing-data.ts';
import { SaveOrderDataResponseSchema } from '../../../../../src/contracts/order-api.ts';
import { api } from '../../../api/client.ts';
import { orderKeys } from './query-keys.ts';

export type SavedOrder = z.infer<typeof SaveOrderDataResponseSchema>;

/**
 * Saves the draft with the version it was read at: a save from another tab in between answers 409
 * (ORDER_VERSION_CONFLICT or similar), and the caller decides how to show it; nothing is overwritten silently.
 */
export const useSaveOrderData = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ version, data }: { version: number; data: OrderData }) =>
      api(`/applicant/orders/${encodeURIComponent(id)}/data`, SaveOrderDataResponseSchema, {
        method: 'PUT',
        body: { version, data },
      }),
    onSuccess: (saved) => {
      const { findings: _findings, ...view } = saved;
      qc.setQueryData(orderKeys.one(id), view);
    },
  });
};
