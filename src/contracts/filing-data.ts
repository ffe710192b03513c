import { z } from 'zod';
import {
  ACCESS_METHODS,
  PERSON_ID_TYPES,
  PRE_APPROVAL_TYPES,
  SERVICE_CONTENTS,
  SUBJECT_CERTIFICATE_TYPES,
  SUBJECT_TYPES,
  WEBSITE_LANGUAGES,
} from '../domain/filing-data.ts';
import { PROVINCE_CODES } from '../domain/province/provinces.ts';
import { safeMultilineString, safeString } from './safe-string.ts';

/**
 * The filing form data (domain.md §4), shared by server and browser. These schemas check structure and
 * lengths only; formats (checksums, phone ranges, domains) and province rules are checked by the validation
 * library and the pre-check, which report findings instead of refusing to save, so a draft never loses data.
 */
const text = (max: number) => safeString().trim().max(max);
const multilineText = (max: number) => safeMultilineString().trim().max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const PersonSchema = z
  .object({
    name: text(50),
    idType: z.enum(PERSON_ID_TYPES),
    idNumber: text(40),
    /** Certificate expiry date, or 'long_term' (长期). */
    idValidUntil: z.union([isoDate, z.literal('long_term')]),
    mobile: text(20),
    emergencyPhone: text(20),
    officePhone: text(20).optional(),
    email: text(254),
    isLegalPerson: z.boolean(),
    /** Nationality for passports (ISO 3166-1 alpha-3), optional otherwise. */
    nationality: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
  })
  .strict();
export type Person = z.infer<typeof PersonSchema>;

export const SubjectSchema = z
  .object({
    province: z.enum(PROVINCE_CODES),
    city: text(50),
    district: text(50).optional(),
    subjectType: z.enum(SUBJECT_TYPES),
    certificateType: z.enum(SUBJECT_CERTIFICATE_TYPES),
    certificateNumber: text(40),
    /** Certificate expiry date of the subject certificate, or 'long_term'. */
    certificateValidUntil: z.union([isoDate, z.literal('long_term')]).optional(),
    sponsorName: text(100),
    certificateAddress: text(200),
    mailingAddress: text(200),
    investorOrSupervisor: text(100).optional(),
    responsiblePerson: PersonSchema,
    remarks: multilineText(500).optional(),
  })
  .strict();
export type Subject = z.infer<typeof SubjectSchema>;

export const PreApprovalSchema = z.object({ type: z.enum(PRE_APPROVAL_TYPES), permitNumber: text(100) }).strict();

export const WebsiteSchema = z
  .object({
    /** Set when the entry edits, cancels or re-accesses an existing website record of this platform. */
    websiteId: z.string().uuid().optional(),
    name: text(60),
    domain: text(253),
    homepageUrl: text(300).optional(),
    serviceContent: z.enum(SERVICE_CONTENTS),
    languages: z.array(z.enum(WEBSITE_LANGUAGES)).min(1).max(10),
    preApprovals: z.array(PreApprovalSchema).max(10).default([]),
    authorizationCode: text(40),
    ipAddresses: z.array(text(45)).min(1).max(10),
    accessMethod: z.enum(ACCESS_METHODS),
    serverLocation: text(100).optional(),
    sameAsSubjectResponsible: z.boolean(),
    responsiblePerson: PersonSchema,
    remarks: multilineText(500).optional(),
  })
  .strict();
export type Website = z.infer<typeof WebsiteSchema>;

/** What a change-subject order edits (domain.md T6: subject data, and optionally all websites). */
export const ChangeScopeSchema = z.object({ subject: z.boolean(), websites: z.boolean() }).strict();
export type ChangeScope = z.infer<typeof ChangeScopeSchema>;

/** A draft may be saved incomplete: every field of every level is optional. */
export const DraftPersonSchema = PersonSchema.partial();
export const DraftSubjectSchema = SubjectSchema.extend({ responsiblePerson: DraftPersonSchema }).partial();
export const DraftWebsiteSchema = WebsiteSchema.extend({ responsiblePerson: DraftPersonSchema }).partial();
export type DraftSubject = z.infer<typeof DraftSubjectSchema>;
export type DraftWebsite = z.infer<typeof DraftWebsiteSchema>;

export const OrderDataSchema = z
  .object({
    subject: DraftSubjectSchema.optional(),
    websites: z.array(DraftWebsiteSchema).max(10).default([]),
    changeScope: ChangeScopeSchema.optional(),
    /** Reason given for cancellations (注销原因). */
    cancelReason: multilineText(500).optional(),
  })
  .strict();
export type OrderData = z.infer<typeof OrderDataSchema>;

/** The complete data an order must carry at submission (checked per filing type by the pre-check). */
export const CompleteOrderDataSchema = z
  .object({
    subject: SubjectSchema.optional(),
    websites: z.array(WebsiteSchema),
    changeScope: ChangeScopeSchema.optional(),
    cancelReason: multilineText(500).optional(),
  })
  .strict();
export type CompleteOrderData = z.infer<typeof CompleteOrderDataSchema>;

/** Field-level rejection reason (初审/管局驳回原因). `field` is a JSON path such as `websites.0.name`. */
export const RejectionReasonSchema = z
  .object({
    field: text(200),
    code: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/),
    message: multilineText(500).min(1),
    suggestion: multilineText(500).optional(),
  })
  .strict();
export type RejectionReason = z.infer<typeof RejectionReasonSchema>;
