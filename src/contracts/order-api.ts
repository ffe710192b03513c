import { z } from 'zod';
import { FILING_TYPES } from '../domain/filing-type.ts';
import { TYPE_REASON_CODES } from '../domain/filing-type-determination.ts';
import { ORDER_EVENT_TYPES, type OrderEventType } from '../domain/lifecycle/types.ts';
import { ORDER_STATES } from '../domain/order-state.ts';
import { OrderDataSchema, RejectionReasonSchema } from './filing-data.ts';
import { safeMultilineString, safeString } from './safe-string.ts';

/** Request and response shapes of the filing-order routes, shared by server, browser and tests. */
const Bilingual = z.object({ zhCN: z.string(), enUS: z.string() });
const isoDateTime = z.string();

/**
 * One entry point for every new domain (首次备案, 新增网站, 新增接入): the domain is all an account with a filed
 * subject gives; an account without one adds the validation answers (subject filed elsewhere, and its number).
 * The system determines the type and says why. Changes and cancellations start from a filed record instead.
 */
export const StartOrderRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('new'),
      domain: safeString().min(1).max(253),
      subjectAlreadyFiled: z
        .boolean()
        .optional()
        .describe(
          '主体信息已经备案 (no subject here only); defaults to true exactly when subjectFilingNumber is given',
        ),
      subjectFilingNumber: safeString().max(40).optional(),
      intent: z
        .enum(['add_website', 'add_access'])
        .optional()
        .describe('Not needed: the system decides. If sent and MIIT’s record contradicts it, the order is refused'),
    })
    .strict(),
  z.object({ kind: z.literal('change_subject'), changeWebsites: z.boolean() }).strict(),
  z
    .object({
      kind: z.enum(['change_website', 'change_access', 'cancel_website', 'cancel_access']),
      websiteIds: z.array(z.string().uuid()).min(1).max(3),
      reason: safeMultilineString().max(500).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('change_images') }).strict(),
  z.object({ kind: z.literal('cancel_subject'), reason: safeMultilineString().max(500).optional() }).strict(),
]);
export type StartOrderRequestBody = z.infer<typeof StartOrderRequestSchema>;

/** Why the system chose the filing type (one code per row of the decision table, domain.md §2.1). */
export const TypeReasonSchema = z.object({ code: z.enum(TYPE_REASON_CODES), message: Bilingual });

export const DetermineTypeResponseSchema = z.object({
  type: z.enum(FILING_TYPES),
  typeCode: z.string(),
  typeName: Bilingual,
  reason: TypeReasonSchema,
  domain: z.string(),
  domainFiled: z.boolean(),
});

export const SaveOrderDataRequestSchema = z
  .object({ version: z.number().int().min(1), data: OrderDataSchema })
  .strict();
export const VersionRequestSchema = z.object({ version: z.number().int().min(1).optional() }).strict();
export const AcceptTermsRequestSchema = z
  .object({ infoSecurityAgreement: z.literal(true), assistedCorrectionTerms: z.literal(true) })
  .strict();

export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['block', 'warn', 'reviewer-check']),
  field: z.string(),
  message: Bilingual,
  fix: Bilingual,
});
/**
 * A finding as errors and save answers name it: the rule, the field (JSON path into the order data), a stable
 * code (the rule id without its national/province/format scope) and what to show and do.
 */
export const FindingDetailSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['block', 'warn', 'reviewer-check']),
  field: z.string(),
  code: z.string(),
  message: Bilingual,
  fix: Bilingual,
});

export const MaterialRequirementSchema = z.object({
  kind: z.string(),
  websiteIndex: z.number().int().optional(),
  label: Bilingual,
  reason: Bilingual,
  ruleId: z.string(),
});
export const PrecheckViewSchema = z.object({
  findings: z.array(FindingSchema),
  requiredMaterials: z.array(MaterialRequirementSchema),
  missingMaterials: z.array(MaterialRequirementSchema),
  blocking: z.number().int(),
});

export const MaterialViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  websiteIndex: z.number().int().nullable(),
  contentType: z.string(),
  byteSize: z.number().int(),
  validUntil: z.string().nullable(),
  createdAt: isoDateTime,
});

export const OrderViewSchema = z.object({
  id: z.string(),
  type: z.enum(FILING_TYPES),
  typeCode: z.string(),
  typeName: Bilingual,
  /** Why the system chose the type; null for changes and cancellations, which start from a record. */
  typeReason: TypeReasonSchema.nullable(),
  state: z.enum(ORDER_STATES),
  stateLabel: Bilingual,
  version: z.number().int(),
  verificationStage: z.enum(['after_provider_review', 'before_submit']),
  province: z.string().nullable(),
  /** Personal data is masked; use the reveal route to see one field. */
  data: OrderDataSchema,
  targetWebsiteIds: z.array(z.string()),
  termsAccepted: z.boolean(),
  allowedActions: z.array(z.enum(ORDER_EVENT_TYPES as unknown as [OrderEventType, ...OrderEventType[]])),
  rejections: z.array(
    z.object({
      stage: z.enum(['provider', 'authenticity', 'admin', 'miit_return']),
      reasons: z.array(RejectionReasonSchema),
      at: isoDateTime,
    }),
  ),
  precheck: PrecheckViewSchema.nullable(),
  materials: z.array(MaterialViewSchema),
  sms: z
    .object({
      deadlineAt: z.string(),
      persons: z.array(
        z.object({
          mobileMasked: z.string(),
          /** Whose mobile it is: the subject's responsible person and/or website n's (one code per mobile). */
          roles: z.array(z.object({ role: z.enum(['subject', 'website']), websiteIndex: z.number().int().optional() })),
          state: z.enum(['code_sent', 'verified', 'failed', 'expired']),
          resendCount: z.number().int(),
          wrongAttempts: z.number().int(),
        }),
      ),
    })
    .nullable(),
  numbers: z
    .object({
      subjectNumber: z.string(),
      websites: z.array(z.object({ domain: z.string(), websiteNumber: z.string() })),
    })
    .nullable(),
  submittedAt: isoDateTime.nullable(),
  lastSubmittedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
});
export type OrderView = z.infer<typeof OrderViewSchema>;

/** PUT …/data: the saved order (incomplete data is kept) and, at once, the findings about the fields just sent. */
export const SaveOrderDataResponseSchema = OrderViewSchema.extend({ findings: z.array(FindingDetailSchema) });

export const OrderSummarySchema = z.object({
  id: z.string(),
  type: z.enum(FILING_TYPES),
  typeName: Bilingual,
  state: z.enum(ORDER_STATES),
  stateLabel: Bilingual,
  province: z.string().nullable(),
  domains: z.array(z.string()),
  sponsorName: z.string().nullable(),
  submittedAt: isoDateTime.nullable(),
  lastSubmittedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
});

export const ReviewDecisionRequestSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), version: z.number().int().min(1).optional() }).strict(),
  z
    .object({
      decision: z.literal('reject'),
      version: z.number().int().min(1).optional(),
      reasons: z.array(RejectionReasonSchema).min(1).max(50),
    })
    .strict(),
]);

export const RevealRequestSchema = z
  .object({ path: safeString().min(1).max(200), reason: safeString().trim().min(2).max(200) })
  .strict();
export const RevealResponseSchema = z.object({ path: z.string(), value: z.string() });
