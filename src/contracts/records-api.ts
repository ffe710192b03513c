import { z } from 'zod';
import { FILING_TYPES } from '../domain/filing-type.ts';
import { ORDER_STATES } from '../domain/order-state.ts';
import { SubjectSchema, WebsiteSchema } from './filing-data.ts';

const Bilingual = z.object({ zhCN: z.string(), enUS: z.string() });

/**
 * What the account may start from its records (domain.md §2.1 View B, §2.2 T2–T12): the one "file a website"
 * entry (新增网站 / 新增接入, the system decides which) and the change and cancellation orders.
 */
export const RECORD_ACTIONS = [
  'file_website',
  'change_subject',
  'change_images',
  'cancel_subject',
  'change_website',
  'change_access',
  'cancel_website',
  'cancel_access',
] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

/** Why an action is not available now; the codes of the error catalogue the start request would answer. */
export const RECORD_ACTION_BLOCKS = [
  'SUB_ACCOUNT_CANNOT_FILE',
  'ACCOUNT_NOT_REAL_NAME_VERIFIED',
  'ORDER_ALREADY_OPEN',
  'TYPE_NO_SUBJECT_HERE',
  'WEBSITE_NOT_ACTIVE',
] as const;
export type RecordActionBlock = (typeof RECORD_ACTION_BLOCKS)[number];

export const RecordActionSchema = z.object({
  action: z.enum(RECORD_ACTIONS),
  allowed: z.boolean(),
  /** Set exactly when the action is not allowed. */
  reason: z.object({ code: z.enum(RECORD_ACTION_BLOCKS), message: Bilingual }).nullable(),
});
export type RecordActionView = z.infer<typeof RecordActionSchema>;

/** The account's one open order (one at a time per account, hence per subject), if any. */
export const OpenOrderSchema = z.object({
  id: z.string(),
  type: z.enum(FILING_TYPES),
  typeName: Bilingual,
  state: z.enum(ORDER_STATES),
  stateLabel: Bilingual,
  /** Websites the open order changes or cancels (empty for new filings and subject-wide orders). */
  targetWebsiteIds: z.array(z.string()),
});

/**
 * The website's access resource (its server) was released or has expired (the provider's inventory, checked by
 * the worker's access sweep): the message says what happened, the fix what to do (renew, move the access, or
 * 取消接入) and why (空壳网站). Null while the resource serves the website.
 */
export const AccessRiskSchema = z.object({
  reason: z.enum(['released', 'expired']),
  detectedAt: z.string(),
  resourceId: z.string(),
  message: Bilingual,
  fix: Bilingual,
});
export type AccessRiskView = z.infer<typeof AccessRiskSchema>;

/** 备案管理: the account's filed subject and websites with their numbers, and what may be started from them. */
export const AccountRecordsSchema = z.object({
  subject: z
    .object({
      id: z.string(),
      icpNumber: z.string(),
      province: z.string(),
      subjectType: z.string(),
      name: z.string(),
      approvedAt: z.string(),
      data: SubjectSchema,
    })
    .nullable(),
  websites: z.array(
    z.object({
      id: z.string(),
      icpNumber: z.string(),
      domain: z.string(),
      name: z.string(),
      status: z.string(),
      approvedAt: z.string(),
      data: WebsiteSchema,
      accessRisk: AccessRiskSchema.nullable(),
      /** change_website, change_access, cancel_website, cancel_access for this website. */
      actions: z.array(RecordActionSchema),
    }),
  ),
  /** file_website, change_subject, change_images, cancel_subject (file_website also without a subject). */
  actions: z.array(RecordActionSchema),
  openOrder: OpenOrderSchema.nullable(),
});
export type AccountRecords = z.infer<typeof AccountRecordsSchema>;

/** The back office's list of filed websites whose access resource is gone (GET /api/v1/staff/access-risks). */
export const StaffAccessRisksSchema = z.object({
  openCount: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      websiteId: z.string(),
      domain: z.string(),
      websiteNumber: z.string(),
      /** The subject's public name (an individual's masked). */
      subjectName: z.string(),
      resourceId: z.string(),
      reason: z.enum(['released', 'expired']),
      detectedAt: z.string(),
    }),
  ),
});
export type StaffAccessRisks = z.infer<typeof StaffAccessRisksSchema>;
