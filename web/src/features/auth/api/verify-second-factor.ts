import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  SecondFactorVerifiedSchema,
  type VerifySecondFactorRequestSchema,
} from '../../../../../src/contracts/auth-api.ts';
import { api } from '../../../api/client.ts';

/** Sign-in's second step with a code from the app or a recovery code. */
export const useVerifySecondFactor = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof VerifySecondFactorRequestSchema>) =>
      api('/auth/second-factor/verify', SecondFactorVerifiedSchema, { method: 'POST', body }),
    onSuccess: ({ recoveryCodesLeft: _left, ...user }) => qc.setQueryData(['me'], user),
  });
};
