import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { type ConfirmEnrolmentRequestSchema, EnrolmentConfirmedSchema } from '../../../../../src/contracts/auth-api.ts';
import { api } from '../../../api/client.ts';

/** The first code from the app confirms the authenticator; the answer carries the recovery codes, once. */
export const useConfirmEnrolment = () =>
  useMutation({
    mutationFn: (body: z.input<typeof ConfirmEnrolmentRequestSchema>) =>
      api('/auth/second-factor/enrolment/confirm', EnrolmentConfirmedSchema, { method: 'POST', body }),
  });
