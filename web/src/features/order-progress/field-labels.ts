import { MATERIAL_KIND_LABELS, type MaterialKind } from '../../../../src/contracts/reference-data.ts';
import type { Locale, Message } from '../../i18n/message.ts';
import { pick } from '../../i18n/message.ts';

/** Labels of the order data's fields, for reasons that name a JSON path (websites.0.responsiblePerson.mobile). */
const SUBJECT_FIELDS: Record<string, Message> = {
  province: { zh: '省份', en: 'Province' },
  city: { zh: '城市', en: 'City' },
  district: { zh: '区县', en: 'District' },
  subjectType: { zh: '主体性质', en: 'Subject type' },
  certificateType: { zh: '证件类型', en: 'Certificate type' },
  certificateNumber: { zh: '证件号码', en: 'Certificate number' },
  certificateValidUntil: { zh: '证件有效期', en: 'Certificate valid until' },
  sponsorName: { zh: '主办单位名称', en: 'Sponsor name' },
  certificateAddress: { zh: '证件住所', en: 'Address on the certificate' },
  mailingAddress: { zh: '通讯地址', en: 'Mailing address' },
  investorOrSupervisor: { zh: '投资人或主管单位', en: 'Investor or supervising unit' },
  responsiblePerson: { zh: '负责人信息', en: 'Responsible person' },
  remarks: { zh: '备注', en: 'Remarks' },
};

const PERSON_FIELDS: Record<string, Message> = {
  name: { zh: '负责人姓名', en: "responsible person's name" },
  idType: { zh: '负责人证件类型', en: "responsible person's ID type" },
  idNumber: { zh: '负责人证件号码', en: "responsible person's ID number" },
  idValidUntil: { zh: '负责人证件有效期', en: "responsible person's ID valid until" },
  mobile: { zh: '负责人手机号码', en: "responsible person's mobile" },
  emergencyPhone: { zh: '负责人应急联系电话', en: "responsible person's emergency phone" },
  officePhone: { zh: '负责人办公电话', en: "responsible person's office phone" },
  email: { zh: '负责人电子邮箱', en: "responsible person's e-mail" },
  isLegalPerson: { zh: '负责人是否为法定代表人', en: 'responsible person is the legal representative' },
  nationality: { zh: '负责人国籍', en: "responsible person's nationality" },
};

const WEBSITE_FIELDS: Record<string, Message> = {
  name: { zh: '网站名称', en: 'Website name' },
  domain: { zh: '网站域名', en: 'Domain' },
  homepageUrl: { zh: '网站首页地址', en: 'Home page URL' },
  serviceContent: { zh: '网站服务内容', en: 'Service content' },
  languages: { zh: '网站语言', en: 'Languages' },
  preApprovals: { zh: '前置审批', en: 'Pre-approvals' },
  authorizationCode: { zh: '授权码', en: 'Authorization code' },
  ipAddresses: { zh: 'IP地址', en: 'IP addresses' },
  accessMethod: { zh: '接入方式', en: 'Access method' },
  serverLocation: { zh: '服务器放置地', en: 'Server location' },
  sameAsSubjectResponsible: { zh: '同主体负责人', en: 'Same as subject responsible person' },
  responsiblePerson: { zh: '负责人信息', en: 'Responsible person' },
  remarks: { zh: '备注', en: 'Remarks' },
  materials: { zh: '网站资料', en: 'Website materials' },
};

const PARTS = {
  subject: { zh: '主体信息', en: 'Subject' },
  website: { zh: '网站{n}', en: 'Website {n}' },
  materials: { zh: '上传资料', en: 'Materials' },
  sms: { zh: '短信核验', en: 'SMS verification' },
  order: { zh: '备案申请', en: 'Filing' },
  cancelReason: { zh: '注销原因', en: 'Reason for cancellation' },
} satisfies Record<string, Message>;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A field's label from the person's sub-path ("mobile" → 负责人手机号码), capitalised in English when it leads. */
function personLabel(key: string | undefined, locale: Locale): string | null {
  if (!key) return null;
  const m = PERSON_FIELDS[key];
  if (!m) return null;
  return locale === 'en-US' ? capitalise(pick(m, locale)) : pick(m, locale);
}

function materialLabel(kind: string | undefined, locale: Locale): string | null {
  const label = kind ? MATERIAL_KIND_LABELS[kind as MaterialKind] : undefined;
  if (!label) return null;
  return locale === 'zh-CN' ? label.zhCN : label.enUS;
}

/**
 * The readable label of a reason's field path in both languages: "websites.0.responsiblePerson.mobile" →
 * "网站1 · 负责人手机号码" / "Website 1 · Responsible person's mobile". Unknown paths are shown as they are.
 */
export function fieldLabel(path: string, locale: Locale): string {
  const parts = path.split('.');
  const [head, second, third, fourth] = parts;
  const join = (...xs: (string | null)[]) => xs.filter((x): x is string => !!x).join(' · ');
  if (head === 'subject') {
    if (!second) return pick(PARTS.subject, locale);
    if (second === 'responsiblePerson') {
      return join(
        pick(PARTS.subject, locale),
        personLabel(third, locale) ?? pick(SUBJECT_FIELDS.responsiblePerson!, locale),
      );
    }
    const f = SUBJECT_FIELDS[second];
    if (f) return join(pick(PARTS.subject, locale), pick(f, locale));
  }
  if (head === 'websites' && second !== undefined && /^\d+$/.test(second)) {
    const site = pick(PARTS.website, locale, { n: Number(second) + 1 });
    if (!third) return site;
    if (third === 'responsiblePerson') {
      return join(site, personLabel(fourth, locale) ?? pick(WEBSITE_FIELDS.responsiblePerson!, locale));
    }
    if (third === 'materials')
      return join(site, materialLabel(fourth, locale) ?? pick(WEBSITE_FIELDS.materials!, locale));
    const f = WEBSITE_FIELDS[third];
    if (f) return join(site, pick(f, locale), /^\d+$/.test(fourth ?? '') ? String(Number(fourth) + 1) : null);
  }
  if (head === 'materials') return join(pick(PARTS.materials, locale), materialLabel(second, locale));
  if (head === 'sms' || head === 'order' || head === 'cancelReason') {
    return pick(PARTS[head], locale);
  }
  return path;
}
