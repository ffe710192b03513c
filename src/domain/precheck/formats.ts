import type { PersonIdType, SubjectCertificateType } from '../filing-data.ts';
import { CERTIFICATE_MATERIAL_KINDS, MATERIAL_KIND_LABELS } from '../material-kind.ts';
import { ruleId } from '../province/rule-engine.ts';
import type { Bilingual } from '../province/rules/types.ts';
import {
  isValidForMoreThanMonths,
  type ValidationResult,
  validateDomain,
  validateEmail,
  validateIp,
  validateMobile,
  validatePersonId,
  validatePhone,
  validateSubjectCertificate,
} from '../validation/index.ts';
import { allowedCertificateTypes, CERTIFICATE_TYPE_NAMES } from './certificate-types.ts';
import { type Ctx, report, t } from './context.ts';

/**
 * Field formats through the validation library, certificate types per subject type, and the "valid for more
 * than 3 months" rule (§5.1). Validator errors block, validator warnings warn; the ruleId carries the
 * validator's code so the UI and the rejection catalogue can key on it.
 */

/** Validator codes a rule turns into a finding of its own; reporting them twice would confuse the applicant. */
const ELEVATED_CODES = new Set(['IP_NOT_PUBLIC']);

const L = {
  id: t('证件号码', 'ID number'),
  cert: t('主办单位证件号码', 'certificate number'),
  mobile: t('手机号码', 'mobile'),
  emergency: t('应急联系电话', 'emergency phone'),
  office: t('办公电话', 'office phone'),
  email: t('电子邮箱', 'e-mail'),
  domain: t('网站域名', 'domain'),
  ip: t('IP地址', 'IP address'),
};

function reportResult(ctx: Ctx, field: string, label: Bilingual, result: ValidationResult<unknown>) {
  for (const e of result.errors) {
    report(
      ctx,
      `format.${e.code}`,
      'block',
      field,
      t(e.message, `The ${label.enUS} is invalid (${e.code})`),
      t(`请更正${label.zhCN}`, `Correct the ${label.enUS}`),
    );
  }
  for (const w of result.warnings) {
    if (ELEVATED_CODES.has(w.code)) continue;
    report(
      ctx,
      `format.${w.code}`,
      'warn',
      field,
      t(w.message, `Check the ${label.enUS} (${w.code})`),
      t(`请核对${label.zhCN}`, `Check the ${label.enUS}`),
    );
  }
}

// The injected clock's now bounds birth dates embedded in resident IDs and residence permits.
const validateCertificate = (ctx: Ctx, type: SubjectCertificateType, v: string) =>
  validateSubjectCertificate(type, v, ctx.now);
const validatePersonCertificate = (ctx: Ctx, type: PersonIdType, v: string) => validatePersonId(type, v, ctx.now);

function checkValidity(ctx: Ctx, field: string, validUntil: string | undefined | null, what: string) {
  if (!validUntil || isValidForMoreThanMonths(validUntil, ctx.now, 3)) return;
  report(
    ctx,
    'national.certificate_validity',
    'block',
    field,
    t('证件有效期须在3个月以上', `The ${what} must stay valid for more than 3 months`),
    t('更换有效期更长的证件后再提交', 'Renew the certificate, then submit'),
  );
}

function checkPersons(ctx: Ctx) {
  for (const { path, person } of ctx.persons) {
    if (person.idType && person.idNumber) {
      reportResult(ctx, `${path}.idNumber`, L.id, validatePersonCertificate(ctx, person.idType, person.idNumber));
    }
    if (person.mobile) reportResult(ctx, `${path}.mobile`, L.mobile, validateMobile(person.mobile));
    if (person.emergencyPhone)
      reportResult(ctx, `${path}.emergencyPhone`, L.emergency, validatePhone(person.emergencyPhone));
    if (person.officePhone) reportResult(ctx, `${path}.officePhone`, L.office, validatePhone(person.officePhone));
    if (person.email) reportResult(ctx, `${path}.email`, L.email, validateEmail(person.email));
    checkValidity(ctx, `${path}.idValidUntil`, person.idValidUntil, 'ID');
  }
}

function checkSubject(ctx: Ctx) {
  const subject = ctx.input.data.subject;
  if (!ctx.subjectInOrder || !subject) return;
  const { certificateType, certificateNumber, subjectType } = subject;
  if (certificateType && certificateNumber) {
    reportResult(
      ctx,
      'subject.certificateNumber',
      L.cert,
      validateCertificate(ctx, certificateType, certificateNumber),
    );
  }
  checkValidity(ctx, 'subject.certificateValidUntil', subject.certificateValidUntil, 'subject certificate');
  if (!certificateType || !subjectType) return;
  const allowed = allowedCertificateTypes(subjectType, ctx.pack);
  if (!allowed.includes(certificateType)) {
    const individual = subjectType === 'individual';
    report(
      ctx,
      ctx.pack && subjectType === 'enterprise'
        ? ruleId(ctx.pack, 'enterpriseCertificateTypes', 'certificate_type')
        : 'national.certificate_type',
      'block',
      'subject.certificateType',
      individual
        ? t('个人主体须使用个人身份证件', 'An individual files with a personal ID')
        : t('该证件类型不适用于所选主办单位性质', 'This certificate type does not fit the subject type'),
      t(`可选：${allowed.map((c) => CERTIFICATE_TYPE_NAMES[c]).join('、')}`, `Allowed: ${allowed.join(', ')}`),
    );
  } else if (certificateType === 'org_code_certificate' && ctx.pack) {
    // Merged into the USCC in 2015: still accepted nationally, refused where the latest 3-in-1 is required.
    const accepted = ctx.pack.orgCodeCertificateAccepted;
    report(
      ctx,
      ruleId(ctx.pack, 'orgCodeCertificateAccepted', 'org_code_certificate'),
      accepted ? 'warn' : 'block',
      'subject.certificateType',
      t(
        '组织机构代码证已被统一社会信用代码证取代',
        'Organisation-code certificates were replaced by the unified social credit code',
      ),
      t('请使用最新的统一社会信用代码证件', 'Use the latest certificate with the unified social credit code'),
    );
  }
}

function checkWebsites(ctx: Ctx) {
  ctx.websites.forEach((w, i) => {
    if (w.domain) reportResult(ctx, `websites.${i}.domain`, L.domain, validateDomain(w.domain));
    (w.ipAddresses ?? []).forEach((ip, j) => {
      const field = `websites.${i}.ipAddresses.${j}`;
      const result = validateIp(ip);
      reportResult(ctx, field, L.ip, result);
      if (result.valid && result.warnings.some((x) => x.code === 'IP_NOT_PUBLIC')) {
        report(
          ctx,
          'national.ip_public',
          'block',
          field,
          t('备案IP须为服务器的公网IP', 'The filed IP must be a public IP of the server'),
          t('填写本平台分配的公网IP', "Enter the server's public IP from this platform"),
        );
      }
    });
  });
}

function checkMaterials(ctx: Ctx) {
  ctx.input.materials.forEach((m, i) => {
    if (!CERTIFICATE_MATERIAL_KINDS.includes(m.kind)) return;
    checkValidity(ctx, `materials.${i}.validUntil`, m.validUntil, MATERIAL_KIND_LABELS[m.kind].enUS);
  });
}

export function checkFormats(ctx: Ctx) {
  checkSubject(ctx);
  checkPersons(ctx);
  checkWebsites(ctx);
  checkMaterials(ctx);
}
