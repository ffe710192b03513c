import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type LoginRequestSchema, SessionUserViewSchema } from '../../../../../src/contracts/auth-api.ts';
import { api } from '../../../api/client.ts';

export const useSignIn = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof LoginRequestSchema>) =>
      api('/auth/login', SessionUserViewSchema, { method: 'POST', body }),
    onSuccess: (user) => {
      // Whatever a previous user left in the cache is not this user's.
      qc.clear();
      qc.setQueryData(['me'], user);
    },
  });
};
