import { z } from 'zod';

/**
 * Phone links for authenticity verification (domain.md §3.2, §5.3): the applicant issues a short-lived single-use
 * link for one website's responsible person; the phone page opens it without signing in and uploads the photo once.
 * The token travels in the URL fragment (`/m/verify#<token>`) and in request bodies, never in a URL the server logs.
 */
export const IssueVerifyLinkRequestSchema = z
  .object({
    websiteIndex: z.number().int().min(0).max(50),
    /** Also text the link to the website responsible person's mobile (rate limited per phone). */
    sendSms: z.boolean().default(false),
  })
  .strict();

export const VERIFY_LINK_SMS_STATUSES = ['not_requested', 'sent', 'rate_limited', 'no_phone', 'failed'] as const;

export const IssueVerifyLinkResponseSchema = z.object({
  /** The absolute link for the QR code and the SMS; its fragment is the token. */
  url: z.string(),
  token: z.string(),
  websiteIndex: z.number().int(),
  expiresAt: z.string(),
  ttlSeconds: z.number().int(),
  mobileMasked: z.string().nullable(),
  sms: z.enum(VERIFY_LINK_SMS_STATUSES),
});
export type IssuedVerifyLink = z.infer<typeof IssueVerifyLinkResponseSchema>;

export const VERIFY_LINK_STATES = ['active', 'opened', 'used', 'expired', 'revoked'] as const;
export const VerifyLinkListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      websiteIndex: z.number().int(),
      state: z.enum(VERIFY_LINK_STATES),
      expiresAt: z.string(),
      openedAt: z.string().nullable(),
      usedAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

export const VerifyTokenRequestSchema = z.object({ token: z.string().min(20).max(100) }).strict();

/** What the phone page needs, and nothing more: no ID numbers, the name masked. */
export const VerifyLinkSessionSchema = z.object({
  /** A short reference of the order the person can compare with the computer screen. */
  orderRef: z.string(),
  domain: z.string().nullable(),
  websiteIndex: z.number().int(),
  personNameMasked: z.string().nullable(),
  expiresAt: z.string(),
  /** The photo kind this link takes. */
  kind: z.enum(['curtain_photo', 'e_verify_video']),
  maxImageBytes: z.number().int(),
  acceptedTypes: z.array(z.string()),
});
export type VerifyLinkSession = z.infer<typeof VerifyLinkSessionSchema>;

export const VerifyLinkUploadResponseSchema = z.object({
  received: z.literal(true),
  kind: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
  /** The server decoded and re-encoded the image, which drops EXIF/GPS and all other metadata. */
  reencoded: z.literal(true),
});
