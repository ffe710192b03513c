import { z } from 'zod';
import { PERSON_ID_TYPES } from '../domain/filing-data.ts';
import { FILING_TYPES } from '../domain/filing-type.ts';
import { PROVINCE_CODES } from '../domain/province/provinces.ts';
import { RejectionReasonSchema, SubjectSchema, WebsiteSchema } from './filing-data.ts';
import { safeString } from './safe-string.ts';

/**
 * The wire protocol between the platform (access provider) and the regulator (MIIT + provincial administrations).
 * The simulator service implements the regulator side; the platform's HTTP gateway adapter the provider side.
 *
 * Provider → regulator, authenticated with `Authorization: Bearer <REGULATOR_API_KEY>`:
 *   POST /api/gateway/submissions                 RegulatorSubmission, `Idempotency-Key` header = its key
 *                                                 → 200 { regulatorRef } (a repeat returns the first result)
 *   GET  /api/gateway/submissions/:idempotencyKey → 200 { regulatorRef } | 404
 *   GET  /api/gateway/orders/:ref/status          → 200 RegulatorOrderStatus | 404
 *   GET  /api/gateway/domains/:domain             → 200 DomainFilingStatus
 *   GET  /api/gateway/subjects/:number            → 200 SubjectNumberStatus (number URL-encoded)
 * Errors: { code, message, details? } with 4xx/5xx.
 *
 * Regulator → provider: POST <callback URL> with RegulatorCallback as the body, signed (see callback-signature.ts):
 *   x-beian-timestamp: unix seconds;  x-beian-signature: v1=<hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`)>
 * A callback only says "this order changed"; the provider then reads the status, so duplicates, reordering and
 * loss are harmless (the provider also polls).
 */
export const GATEWAY_PREFIX = '/api/gateway';
export const CALLBACK_PATH = '/api/v1/regulator/callbacks';
export const SIGNATURE_HEADER = 'x-beian-signature';
export const TIMESTAMP_HEADER = 'x-beian-timestamp';
export const CALLBACK_REPLAY_WINDOW_SECONDS = 300;

export const SmsTargetSchema = z.object({
  roles: z.array(z.object({ role: z.enum(['subject', 'website']), websiteIndex: z.number().int().optional() })),
  name: z.string(),
  mobile: z.string(),
  idType: z.enum(PERSON_ID_TYPES),
  idLast6: z.string(),
});

export const RegulatorSubmissionSchema = z.object({
  idempotencyKey: safeString().min(1).max(200),
  orderId: safeString(),
  type: z.enum(FILING_TYPES),
  province: z.enum(PROVINCE_CODES),
  subjectNumber: safeString().optional(),
  subject: SubjectSchema.optional(),
  websites: z.array(WebsiteSchema.extend({ websiteNumber: safeString().optional() })),
  targetWebsiteNumbers: z.array(safeString()),
  smsTargets: z.array(SmsTargetSchema),
});

export const SubmissionRefSchema = z.object({ regulatorRef: z.string() });

export const DomainFilingStatusSchema = z.discriminatedUnion('filed', [
  z.object({ filed: z.literal(false) }),
  z.object({
    filed: z.literal(true),
    subjectNumber: z.string(),
    websiteNumber: z.string(),
    subjectName: z.string(),
    province: z.enum(PROVINCE_CODES),
    accessProviderCount: z.number().int(),
  }),
]);

export const SubjectNumberStatusSchema = z.discriminatedUnion('found', [
  z.object({ found: z.literal(false) }),
  z.object({
    found: z.literal(true),
    subjectName: z.string(),
    province: z.enum(PROVINCE_CODES),
    certificateType: z.string(),
    active: z.boolean(),
  }),
]);

const SmsPersonSchema = z.object({
  mobileMasked: z.string(),
  roles: SmsTargetSchema.shape.roles,
  state: z.enum(['code_sent', 'verified', 'failed', 'expired']),
  resendCount: z.number().int(),
  wrongAttempts: z.number().int(),
});

export const RegulatorOrderStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('received') }),
  z.object({ state: z.literal('rejected_at_intake'), reasons: z.array(RejectionReasonSchema) }),
  z.object({ state: z.literal('sms_pending'), deadlineAt: z.string(), persons: z.array(SmsPersonSchema) }),
  z.object({
    state: z.literal('returned'),
    cause: z.enum(['sms_timeout', 'sms_failed']),
    reasons: z.array(RejectionReasonSchema),
  }),
  z.object({ state: z.literal('admin_review'), smsRequired: z.boolean() }),
  z.object({ state: z.literal('admin_rejected'), reasons: z.array(RejectionReasonSchema) }),
  z.object({
    state: z.literal('approved'),
    subjectNumber: z.string(),
    websites: z.array(z.object({ domain: z.string(), websiteNumber: z.string() })),
  }),
  z.object({ state: z.literal('completed') }),
]);

export const RegulatorCallbackSchema = z.object({
  /** Unique per delivery attempt's event, for logs; processing is idempotent anyway. */
  eventId: safeString().min(1).max(100),
  regulatorRef: safeString().min(1).max(100),
  orderId: safeString().max(100),
  state: safeString().max(40),
  occurredAt: safeString(),
});
export type RegulatorCallback = z.infer<typeof RegulatorCallbackSchema>;
