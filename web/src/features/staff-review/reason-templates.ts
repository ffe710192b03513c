import type { Message } from '../../i18n/message.ts';

/** A common rejection reason: a stable code (as the API wants it) and its text in both languages. */
export type ReasonTemplate = { code: string; text: Message; for: 'field' | 'material' | 'both' | 'authenticity' };

export const REASON_TEMPLATES: readonly ReasonTemplate[] = [
  { code: 'INFO_MISMATCH', for: 'both', text: { zh: '信息与证件不一致', en: 'Does not match the certificate' } },
  { code: 'IMAGE_UNCLEAR', for: 'material', text: { zh: '图片不清晰', en: 'The image is not clear' } },
  {
    code: 'CERT_VALIDITY_SHORT',
    for: 'both',
    text: { zh: '证件有效期不足3个月', en: 'The certificate is valid for less than 3 months' },
  },
  {
    code: 'MOBILE_NOT_OWNER',
    for: 'field',
    text: { zh: '负责人手机号非本人', en: "The mobile is not the responsible person's own" },
  },
  {
    code: 'WEBSITE_NAME_INVALID',
    for: 'field',
    text: { zh: '网站名称不符合要求', en: 'The website name does not meet the rules' },
  },
  { code: 'ADDRESS_INCOMPLETE', for: 'field', text: { zh: '地址不详细', en: 'The address is not detailed enough' } },
  {
    code: 'MATERIAL_INCOMPLETE',
    for: 'material',
    text: { zh: '资料不完整（缺少正反面或页面）', en: 'Incomplete (a side or a page is missing)' },
  },
  {
    code: 'NOT_ORIGINAL',
    for: 'material',
    text: { zh: '非原件彩色扫描件', en: 'Not a colour scan of the original' },
  },
  {
    code: 'PHOTO_WRONG_PERSON',
    for: 'authenticity',
    text: { zh: '照片人物非网站负责人本人', en: 'The person is not the website responsible person' },
  },
  {
    code: 'CURTAIN_NOT_VISIBLE',
    for: 'authenticity',
    text: { zh: '背景不是完整的幕布', en: 'The background is not entirely the curtain' },
  },
  {
    code: 'PHOTO_POSE',
    for: 'authenticity',
    text: { zh: '未站在幕布中间或非上半身照', en: 'Not in the middle of the curtain, or not upper body' },
  },
  {
    code: 'PHOTO_CLOTHING',
    for: 'authenticity',
    text: { zh: '着装不符合要求（季节或红蓝色上衣）', en: 'Clothing does not meet the rules (season, red or blue)' },
  },
  { code: 'OTHER', for: 'both', text: { zh: '其他（见补充说明）', en: 'Other (see the note)' } },
];

export const templatesFor = (kind: 'field' | 'material' | 'authenticity') =>
  REASON_TEMPLATES.filter(
    (r) =>
      r.for === kind ||
      (r.for === 'both' && kind !== 'authenticity') ||
      (kind === 'authenticity' && r.code === 'OTHER'),
  );

export const templateByCode = (code: string) => REASON_TEMPLATES.find((r) => r.code === code);
