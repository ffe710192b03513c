import { z } from 'zod';
import { AUTH_CODE_STATES } from '../domain/authorization-code.ts';

/** Resources, authorization codes (domain.md T13) and the inbox, as the applicant console reads them. */
export const IpSchema = z.union([z.ipv4(), z.ipv6()]);

export const ResourceResponseSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['server', 'site_builder']),
    name: z.string(),
    region: z.string(),
    publicIps: z.array(z.string()),
    billingType: z.enum(['prepaid', 'pay_as_you_go']),
    expiresAt: z.iso.datetime(),
    eligible: z.boolean(),
    ineligibleReason: z.enum(['pay_as_you_go', 'expires_within_3_months', 'no_public_ip']).nullable(),
    ineligibleReasonText: z.string().nullable(),
    ipQuotas: z.array(
      z.object({ publicIp: z.string(), activeCodes: z.number().int(), remaining: z.number().int() }).strict(),
    ),
  })
  .strict();

export const AuthorizationCodeResponseSchema = z
  .object({
    code: z.string(),
    resourceId: z.string(),
    publicIp: z.string(),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    /** An unused code past its date already shows as invalid. */
    state: z.enum(AUTH_CODE_STATES),
    /** The filing holding or having used the code, only when it is this account's own. */
    orderId: z.string().nullable(),
    /** Held or used by a filing, whoever's (codes are bearer credentials). */
    inUse: z.boolean(),
    /** That filing's sponsor, masked like everywhere else; null while unused or not yet named. */
    filerName: z.string().nullable(),
  })
  .strict();

const CHANNEL_STATUS = z.enum(['pending', 'sent', 'rate_limited', 'no_phone', 'failed', 'not_applicable']);

export const InboxItemSchema = z
  .object({
    id: z.string(),
    orderId: z.string().nullable(),
    template: z.string(),
    locale: z.string(),
    title: z.string(),
    body: z.string(),
    smsStatus: CHANNEL_STATUS,
    emailStatus: CHANNEL_STATUS,
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .strict();
