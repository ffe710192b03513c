import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { DetermineTypeResponseSchema, type StartOrderRequestSchema } from '../../../../../src/contracts/order-api.ts';
import { api } from '../../../api/client.ts';

type NewOrderBody = Extract<z.input<typeof StartOrderRequestSchema>, { kind: 'new' }>;
export type DeterminedType = z.infer<typeof DetermineTypeResponseSchema>;

/** The 验证 step: which filing type the system would start for this domain, and why (nothing is created). */
export const useDetermineType = () =>
  useMutation({
    mutationFn: (body: NewOrderBody) =>
      api('/applicant/filing-type', DetermineTypeResponseSchema, { method: 'POST', body }),
  });
