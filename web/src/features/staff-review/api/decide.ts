import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { OrderViewSchema, type ReviewDecisionRequestSchema } from '../../../../../src/contracts/order-api.ts';
import { api } from '../../../api/client.ts';
import { queueKeys } from '../../staff-queue/api/get-queue.ts';
import { staffOrderKeys } from './get-staff-order.ts';

export type DecisionStage = 'provider' | 'authenticity';

/**
 * POST …/provider-review or …/authenticity-review with the version the reviewer saw: if anyone changed or decided
 * the order since, the server answers 409 and nothing is recorded.
 */
export const useDecide = (orderId: string, stage: DecisionStage) => {
  const qc = useQueryClient();
  const route = stage === 'provider' ? 'provider-review' : 'authenticity-review';
  return useMutation({
    mutationFn: (body: z.input<typeof ReviewDecisionRequestSchema>) =>
      api(`/reviewer/orders/${encodeURIComponent(orderId)}/${route}`, OrderViewSchema, { method: 'POST', body }),
    onSuccess: (view) => {
      qc.setQueryData(staffOrderKeys.one(orderId), view);
      void qc.invalidateQueries({ queryKey: queueKeys.all });
      void qc.invalidateQueries({ queryKey: staffOrderKeys.audit(orderId) });
    },
  });
};
