import type { DraftWebsite } from '../../contracts/filing-data.ts';
import type { Bilingual } from '../province/rules/types.ts';
import { type Ctx, type DraftPerson, report, t } from './context.ts';

/**
 * Required fields per filing type (domain.md §2.2, §4). Drafts may be saved half-filled; submission needs every
 * field the administration receives. Each gap is its own finding so the form can point at the exact field.
 */

const LABELS: Record<string, Bilingual> = {
  province: t('所属省份', 'Province'),
  city: t('所属城市', 'City'),
  subjectType: t('主办单位性质', 'Subject type'),
  certificateType: t('主办单位证件类型', 'Certificate type'),
  certificateNumber: t('主办单位证件号码', 'Certificate number'),
  sponsorName: t('主办单位名称', 'Sponsor name'),
  certificateAddress: t('证件住所', 'Certificate address'),
  mailingAddress: t('通信地址', 'Mailing address'),
  investorOrSupervisor: t('投资人或主管单位', 'Investor or supervisor'),
  name: t('姓名/名称', 'Name'),
  idType: t('证件类型', 'ID type'),
  idNumber: t('证件号码', 'ID number'),
  idValidUntil: t('证件有效期', 'ID valid until'),
  mobile: t('手机号码', 'Mobile'),
  emergencyPhone: t('应急联系电话', 'Emergency phone'),
  email: t('电子邮箱', 'E-mail'),
  isLegalPerson: t('是否法定代表人', 'Is the legal person'),
  websiteId: t('所变更的网站', 'Website being changed'),
  domain: t('网站域名', 'Domain'),
  serviceContent: t('网站服务内容', 'Service content'),
  languages: t('网站语言', 'Languages'),
  authorizationCode: t('备案授权码（关联服务）', 'Authorization code'),
  ipAddresses: t('IP地址', 'IP addresses'),
  accessMethod: t('接入方式', 'Access method'),
  sameAsSubjectResponsible: t('是否同主体负责人', 'Same as subject responsible person'),
  responsiblePerson: t('负责人信息', 'Responsible person'),
};

const isBlank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function requireFields(ctx: Ctx, prefix: string, value: Record<string, unknown>, fields: readonly string[]) {
  for (const field of fields) {
    if (!isBlank(value[field])) continue;
    const label = LABELS[field] ?? t(field, field);
    report(
      ctx,
      'completeness.required',
      'block',
      `${prefix}.${field}`,
      t(`请填写${label.zhCN}`, `${label.enUS} is required`),
      t(`填写${label.zhCN}`, `Fill in ${label.enUS}`),
    );
  }
}

const PERSON_FIELDS = [
  'name',
  'idType',
  'idNumber',
  'idValidUntil',
  'mobile',
  'emergencyPhone',
  'email',
  'isLegalPerson',
] as const;
const SUBJECT_FIELDS = [
  'province',
  'city',
  'subjectType',
  'certificateType',
  'certificateNumber',
  'sponsorName',
  'certificateAddress',
  'mailingAddress',
] as const;
const WEBSITE_FIELDS = [
  'name',
  'domain',
  'serviceContent',
  'languages',
  'authorizationCode',
  'ipAddresses',
  'accessMethod',
  'sameAsSubjectResponsible',
] as const;

function requirePerson(ctx: Ctx, path: string, person: DraftPerson | undefined) {
  if (!person) {
    report(
      ctx,
      'completeness.required',
      'block',
      path,
      t('请填写负责人信息', 'The responsible person is required'),
      t('填写负责人信息', 'Fill in the responsible person'),
    );
    return;
  }
  requireFields(ctx, path, person, PERSON_FIELDS);
}

function requireSubject(ctx: Ctx) {
  const subject = ctx.input.data.subject;
  if (!subject) {
    report(
      ctx,
      'completeness.subject',
      'block',
      'subject',
      t('请填写主体信息', 'Subject data is required'),
      t('填写主办单位及主体负责人信息', 'Fill in the subject and its responsible person'),
    );
    return;
  }
  requireFields(ctx, 'subject', subject, SUBJECT_FIELDS);
  // Investor / supervisor is a unit field of the MIIT form; an individual has none.
  if (subject.subjectType !== undefined && subject.subjectType !== 'individual') {
    requireFields(ctx, 'subject', subject, ['investorOrSupervisor']);
  }
  requirePerson(ctx, 'subject.responsiblePerson', subject.responsiblePerson);
}

function requireWebsites(ctx: Ctx, fields: readonly string[], withPerson: boolean) {
  if (ctx.websites.length === 0) {
    report(
      ctx,
      'completeness.websites',
      'block',
      'websites',
      t('请至少填写一个网站', 'At least one website is required'),
      t('添加网站信息', 'Add a website'),
    );
    return;
  }
  ctx.websites.forEach((w: DraftWebsite, i) => {
    requireFields(ctx, `websites.${i}`, w, fields);
    if (withPerson) requirePerson(ctx, `websites.${i}.responsiblePerson`, w.responsiblePerson);
  });
}

export function checkCompleteness(ctx: Ctx) {
  const { type } = ctx;
  switch (type) {
    case 'first_filing':
    case 'add_website_subject_elsewhere':
    case 'add_access_subject_elsewhere':
      requireSubject(ctx);
      requireWebsites(ctx, WEBSITE_FIELDS, true);
      break;
    case 'add_website_subject_here':
    case 'add_access_subject_here':
      requireWebsites(ctx, WEBSITE_FIELDS, true);
      break;
    case 'change_subject':
      if (ctx.changeScope?.subject !== false) requireSubject(ctx);
      if (ctx.changeScope?.websites) requireWebsites(ctx, ['websiteId', ...WEBSITE_FIELDS], true);
      break;
    case 'change_website':
      requireWebsites(ctx, ['websiteId', ...WEBSITE_FIELDS], true);
      break;
    case 'change_access':
      // Only the IP and the associated-service code change (T8).
      requireWebsites(ctx, ['websiteId', 'ipAddresses', 'authorizationCode'], false);
      break;
    case 'change_images':
      if (ctx.input.materials.length === 0) {
        report(
          ctx,
          'completeness.materials',
          'block',
          'materials',
          t('请上传需要替换的图片', 'Upload the images to replace'),
          t('上传新的证件或材料图片', 'Upload the new images'),
        );
      }
      break;
    case 'cancel_subject':
    case 'cancel_website':
    case 'cancel_access':
      // The use case passes the target record; the order itself carries no form data.
      break;
  }
  // Rules and materials depend on the province and subject type; without them nothing else can be judged.
  const needsSubjectContext = type !== 'cancel_subject' && type !== 'cancel_website' && type !== 'cancel_access';
  if (needsSubjectContext && !ctx.subject && !ctx.findings.some((f) => f.field === 'subject')) {
    report(
      ctx,
      'completeness.subject_context',
      'block',
      'subject',
      t('缺少已备案主体信息', 'The filed subject is unknown'),
      t('请从已备案主体发起该业务', 'Start this order from the filed subject'),
    );
  }
}
