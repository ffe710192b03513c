import { z } from 'zod';
import { safeMultilineString, safeString } from './safe-string.ts';

/**
 * Back-office operations: the rejection-reason templates reviewers pick from, the notice board applicants read,
 * staff accounts, and authorization-code lookups.
 */
export const REASON_TEMPLATE_SCOPES = ['field', 'material', 'both', 'authenticity'] as const;
export type ReasonTemplateScope = (typeof REASON_TEMPLATE_SCOPES)[number];

export const ReasonTemplateSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/),
  scope: z.enum(REASON_TEMPLATE_SCOPES),
  zh: safeString().trim().min(1).max(200),
  en: safeString().trim().min(1).max(200),
  active: z.boolean(),
  sort: z.number().int().min(0).max(10_000),
});
export type ReasonTemplate = z.infer<typeof ReasonTemplateSchema>;
export const ReasonTemplateListSchema = z.object({ items: z.array(ReasonTemplateSchema) });
export const SaveReasonTemplateSchema = ReasonTemplateSchema.omit({ code: true }).strict();

/** The templates a fresh installation starts with (admins edit them in the back office). */
export const DEFAULT_REASON_TEMPLATES: readonly ReasonTemplate[] = [
  ['INFO_MISMATCH', 'both', '信息与证件不一致', 'Does not match the certificate'],
  ['IMAGE_UNCLEAR', 'material', '图片不清晰', 'The image is not clear'],
  ['CERT_VALIDITY_SHORT', 'both', '证件有效期不足3个月', 'The certificate is valid for less than 3 months'],
  ['MOBILE_NOT_OWNER', 'field', '负责人手机号非本人', "The mobile is not the responsible person's own"],
  ['WEBSITE_NAME_INVALID', 'field', '网站名称不符合要求', 'The website name does not meet the rules'],
  ['ADDRESS_INCOMPLETE', 'field', '地址不详细', 'The address is not detailed enough'],
  ['MATERIAL_INCOMPLETE', 'material', '资料不完整（缺少正反面或页面）', 'Incomplete (a side or a page is missing)'],
  ['NOT_ORIGINAL', 'material', '非原件彩色扫描件', 'Not a colour scan of the original'],
  [
    'PHOTO_WRONG_PERSON',
    'authenticity',
    '照片人物非网站负责人本人',
    'The person is not the website responsible person',
  ],
  ['CURTAIN_NOT_VISIBLE', 'authenticity', '背景不是完整的幕布', 'The background is not entirely the curtain'],
  ['PHOTO_POSE', 'authenticity', '未站在幕布中间或非上半身照', 'Not in the middle of the curtain, or not upper body'],
  [
    'PHOTO_CLOTHING',
    'authenticity',
    '着装不符合要求（季节或红蓝色上衣）',
    'Clothing does not meet the rules (season, red or blue)',
  ],
  ['OTHER', 'both', '其他（见补充说明）', 'Other (see the note)'],
].map(([code, scope, zh, en], i) => ({
  code: code as string,
  scope: scope as ReasonTemplateScope,
  zh: zh as string,
  en: en as string,
  active: true,
  sort: (i + 1) * 10,
}));

/** Which templates fit a rejected field, material or verification photo (OTHER fits everything). */
export const templatesFor = (templates: readonly ReasonTemplate[], kind: 'field' | 'material' | 'authenticity') =>
  templates.filter(
    (r) => r.active && (r.scope === kind || (r.scope === 'both' && kind !== 'authenticity') || r.code === 'OTHER'),
  );

export const NOTICE_LEVELS = ['info', 'warning'] as const;

/** A notice on the applicants' console (e.g. a 管局 holiday, a system maintenance window). */
export const NoticeSchema = z.object({
  id: z.string(),
  level: z.enum(NOTICE_LEVELS),
  titleZh: z.string(),
  titleEn: z.string(),
  bodyZh: z.string(),
  bodyEn: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;
export const NoticeListSchema = z.object({ items: z.array(NoticeSchema) });

export const SaveNoticeSchema = z
  .object({
    level: z.enum(NOTICE_LEVELS),
    titleZh: safeString().trim().min(1).max(100),
    titleEn: safeString().trim().min(1).max(150),
    bodyZh: safeMultilineString().trim().min(1).max(2000),
    bodyEn: safeMultilineString().trim().min(1).max(3000),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict()
  .refine((n) => !n.endsAt || Date.parse(n.endsAt) > Date.parse(n.startsAt), {
    path: ['endsAt'],
    message: '结束时间须晚于开始时间 / The end must be after the start',
  });
export type SaveNotice = z.infer<typeof SaveNoticeSchema>;

export const StaffAccountSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['reviewer', 'senior_reviewer', 'admin']),
  disabled: z.boolean(),
  totpEnrolled: z.boolean(),
  createdAt: z.string(),
});
export type StaffAccount = z.infer<typeof StaffAccountSchema>;
export const StaffAccountListSchema = z.object({ items: z.array(StaffAccountSchema) });
export const UpdateStaffAccountSchema = z
  .object({
    role: z.enum(['reviewer', 'senior_reviewer', 'admin']).optional(),
    disabled: z.boolean().optional(),
    reason: safeString().trim().min(2).max(200),
  })
  .strict()
  .refine((b) => b.role !== undefined || b.disabled !== undefined, { message: 'role or disabled' });

export const CodeLookupRequestSchema = z.object({ code: z.string().trim().min(4).max(64) }).strict();
export const CodeLookupSchema = z.object({
  code: z.string(),
  state: z.enum(['unused', 'in_filing', 'used', 'invalid']),
  resourceId: z.string(),
  publicIp: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  orderId: z.string().nullable(),
  accountId: z.string(),
});
export type CodeLookup = z.infer<typeof CodeLookupSchema>;
