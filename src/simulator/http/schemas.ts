import { z } from 'zod';
import { RejectionReasonSchema } from '../../contracts/filing-data.ts';
import { SUBJECT_CERTIFICATE_TYPES } from '../../domain/filing-data.ts';
import { PROVINCE_CODES } from '../../domain/province/provinces.ts';
import { REAL_NAME_STATUSES, REVIEW_MODES, SIM_ORDER_STATES, SMS_STATES } from '../store/schema.ts';

/** Request and response contracts of the /sim routes. Responses are schemas too, so drift fails loudly in tests. */
export const ErrorBodySchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
export const ERROR_RESPONSES = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema } as const;

const isoDateTime = z.string();
const RolesSchema = z.array(
  z.object({ role: z.enum(['subject', 'website']), websiteIndex: z.number().int().optional() }),
);
const Reasons = z.array(RejectionReasonSchema);

export const OrderStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('received') }),
  z.object({ state: z.literal('rejected_at_intake'), reasons: Reasons }),
  z.object({
    state: z.literal('sms_pending'),
    deadlineAt: isoDateTime,
    persons: z.array(
      z.object({
        mobileMasked: z.string(),
        roles: RolesSchema,
        state: z.enum(SMS_STATES),
        resendCount: z.number().int(),
        wrongAttempts: z.number().int(),
      }),
    ),
  }),
  z.object({ state: z.literal('returned'), cause: z.enum(['sms_timeout', 'sms_failed']), reasons: Reasons }),
  z.object({ state: z.literal('admin_review'), smsRequired: z.boolean() }),
  z.object({ state: z.literal('admin_rejected'), reasons: Reasons }),
  z.object({
    state: z.literal('approved'),
    subjectNumber: z.string(),
    websites: z.array(z.object({ domain: z.string(), websiteNumber: z.string() })),
  }),
  z.object({ state: z.literal('completed') }),
]);

export const OutboxQuerySchema = z.object({
  mobile: z.string().max(20).optional(),
  orderRef: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const OutboxResponseSchema = z.object({
  messages: z.array(
    z.object({ id: z.number().int(), orderRef: z.string(), mobile: z.string(), text: z.string(), sentAt: isoDateTime }),
  ),
});

export const VerifyBodySchema = z.object({
  mobile: z.string().trim().min(1).max(20),
  code: z.string().trim().min(1).max(10),
  idLast6: z.string().trim().min(1).max(10),
});
export const VerifyResponseSchema = z.object({
  result: z.enum(['verified', 'verified_waiting_for_others']),
  orderRef: z.string(),
  orderState: z.enum(SIM_ORDER_STATES),
});

export const ResendBodySchema = VerifyBodySchema.omit({ code: true });
export const ResendResponseSchema = z.object({
  resent: z.array(z.object({ orderRef: z.string(), resendCount: z.number().int(), resendsLeft: z.number().int() })),
});

export const OrdersQuerySchema = z.object({
  state: z.enum(SIM_ORDER_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const OrderSummarySchema = z.object({
  ref: z.string(),
  idempotencyKey: z.string(),
  orderId: z.string(),
  type: z.string(),
  province: z.string(),
  subjectNumber: z.string().nullable(),
  state: z.enum(SIM_ORDER_STATES),
  cause: z.enum(['sms_timeout', 'sms_failed']).nullable(),
  receivedAt: isoDateTime,
  updatedAt: isoDateTime,
  smsDeadlineAt: isoDateTime.nullable(),
});
export const OrdersResponseSchema = z.object({ orders: z.array(OrderSummarySchema) });
export const OrderDetailSchema = OrderSummarySchema.extend({
  status: OrderStatusSchema,
  persons: z.array(
    z.object({
      mobile: z.string(),
      name: z.string(),
      roles: RolesSchema,
      state: z.enum(SMS_STATES),
      resendCount: z.number().int(),
      wrongAttempts: z.number().int(),
      sentAt: isoDateTime,
      verifiedAt: isoDateTime.nullable(),
    }),
  ),
  submission: z.record(z.string(), z.unknown()),
});
export const RefParamsSchema = z.object({ ref: z.string().min(1).max(40) });

export const DecisionBodySchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({ decision: z.literal('reject'), reasons: z.array(RejectionReasonSchema).min(1).max(50) }),
]);
export const DecisionResponseSchema = z.object({ ref: z.string(), status: OrderStatusSchema });

export const PolicySchema = z.object({
  province: z.string(),
  mode: z.enum(REVIEW_MODES),
  delaySeconds: z.number().int().min(0),
});
export const PolicyParamsSchema = z.object({ province: z.enum(PROVINCE_CODES) });
export const PolicyBodySchema = z.object({
  mode: z.enum(REVIEW_MODES),
  delaySeconds: z
    .number()
    .int()
    .min(0)
    .max(365 * 24 * 3600)
    .default(0),
});
export const PoliciesResponseSchema = z.object({ policies: z.array(PolicySchema) });

const RegistrantSchema = z.object({
  name: z.string().trim().min(1).max(100),
  certificateType: z.enum(SUBJECT_CERTIFICATE_TYPES),
  certificateNumber: z.string().trim().min(1).max(40),
});
export const DomainBodySchema = z.object({
  domain: z.string().trim().min(1).max(253),
  registrar: z.string().trim().min(1).max(100).optional(),
  registrarApproved: z.boolean().optional(),
  tldApproved: z.boolean().optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  realNameStatus: z.enum(REAL_NAME_STATUSES).optional(),
  realNameVerifiedAt: z.iso.datetime({ offset: true }).optional(),
  registrant: RegistrantSchema.optional(),
});
export const DomainEntrySchema = z.object({
  domain: z.string(),
  tld: z.string(),
  registrar: z.string(),
  registrarApproved: z.boolean(),
  tldApproved: z.boolean(),
  expiresAt: isoDateTime,
  realNameStatus: z.enum(REAL_NAME_STATUSES),
  realNameVerifiedAt: isoDateTime.nullable(),
  realNameReportedAt: isoDateTime.nullable(),
  registrant: z.object({ name: z.string(), certificateType: z.string(), certificateNumber: z.string() }),
});

export const RecordsQuerySchema = z
  .object({ domain: z.string().trim().max(253).optional(), number: z.string().trim().max(60).optional() })
  .refine((q) => Boolean(q.domain || q.number), { message: '请提供 domain 或 number' });
export const RecordsResponseSchema = z.object({
  registry: DomainEntrySchema.nullable(),
  subjects: z.array(
    z.object({
      number: z.string(),
      province: z.string(),
      name: z.string(),
      subjectType: z.string(),
      certificateType: z.string(),
      status: z.enum(['active', 'cancelled']),
      nextWebsiteIndex: z.number().int(),
      approvedAt: isoDateTime,
      websites: z.array(
        z.object({
          number: z.string(),
          domain: z.string(),
          name: z.string(),
          status: z.enum(['active', 'cancelled']),
          accessProviderCount: z.number().int(),
        }),
      ),
    }),
  ),
});

export const TickResponseSchema = z.object({
  smsExpired: z.array(z.string()),
  domainsReported: z.number().int(),
  autoDecided: z.array(z.object({ ref: z.string(), state: z.string() })),
});

/** A filed subject with its websites put into the national records (as if approved, possibly elsewhere). */
export const FiledRecordBodySchema = z
  .object({
    province: z.enum(PROVINCE_CODES),
    subject: z
      .object({
        name: z.string().trim().min(1).max(100),
        subjectType: z.string().min(1).max(40),
        certificateType: z.enum(SUBJECT_CERTIFICATE_TYPES),
        certificateNumber: z.string().trim().min(4).max(40),
        responsible: z.object({
          name: z.string().trim().min(1).max(50),
          idType: z.string().min(1).max(40),
          idNumber: z.string().trim().min(4).max(40),
        }),
      })
      .strict(),
    websites: z
      .array(
        z
          .object({
            domain: z.string().trim().min(3).max(253),
            name: z.string().trim().min(1).max(60),
            accessProviderCount: z.number().int().min(0).max(20).optional(),
          })
          .strict(),
      )
      .max(50),
    registerDomains: z.boolean().optional(),
  })
  .strict();

export const FiledRecordResponseSchema = z.object({
  subjectNumber: z.string(),
  websites: z.array(z.object({ domain: z.string(), websiteNumber: z.string() })),
});
