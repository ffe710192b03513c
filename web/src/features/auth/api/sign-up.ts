import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { type RegisterRequestSchema, RegistrationAcceptedSchema } from '../../../../../src/contracts/auth-api.ts';
import { api } from '../../../api/client.ts';

export const useSignUp = () =>
  useMutation({
    mutationFn: (body: z.input<typeof RegisterRequestSchema>) =>
      api('/auth/register', RegistrationAcceptedSchema, { method: 'POST', body }),
  });
