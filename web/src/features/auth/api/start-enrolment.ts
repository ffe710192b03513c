import { useQuery } from '@tanstack/react-query';
import { EnrolmentStartSchema } from '../../../../../src/contracts/auth-api.ts';
import { api } from '../../../api/client.ts';

/**
 * A new authenticator secret for the signed-in staff member. A POST, held as a query so the page asks once per
 * visit (a second call would replace the secret the QR code shows); never cached past the page.
 */
export const useEnrolmentStart = (enabled: boolean) =>
  useQuery({
    queryKey: ['second-factor', 'enrolment'],
    queryFn: () => api('/auth/second-factor/enrolment', EnrolmentStartSchema, { method: 'POST' }),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
