import { useMutation, useQuery } from '@tanstack/react-query';
import { IssueVerifyLinkResponseSchema, VerifyLinkListSchema } from '../../../../../src/contracts/verify-link-api.ts';
import { api } from '../../../api/client.ts';

export type { IssuedVerifyLink } from '../../../../../src/contracts/verify-link-api.ts';

/** POST /applicant/orders/:id/verify-links: a new phone link (QR / SMS) for one website's responsible person. */
export const useIssueVerifyLink = (orderId: string) =>
  useMutation({
    mutationFn: (body: { websiteIndex: number; sendSms: boolean }) =>
      api(`/applicant/orders/${encodeURIComponent(orderId)}/verify-links`, IssueVerifyLinkResponseSchema, {
        method: 'POST',
        body,
      }),
  });

/** GET /applicant/orders/:id/verify-links, polled while the step is open ("opened on the phone"). */
export const useVerifyLinks = (orderId: string, refetchInterval: number | false) =>
  useQuery({
    queryKey: ['orders', orderId, 'verify-links'],
    queryFn: ({ signal }) =>
      api(`/applicant/orders/${encodeURIComponent(orderId)}/verify-links`, VerifyLinkListSchema, { signal }),
    refetchInterval,
  });
