import {
  PERSON_ID_TYPES,
  type SubjectCertificateType,
  type SubjectType,
  type UnitCertificateType,
} from '../filing-data.ts';
import type { ProvinceRulePack } from '../province/rule-engine.ts';
import { BASELINE } from '../province/rules/baseline.ts';

/**
 * Which certificate a subject type may file with (security-reliability.md A24 / VAL-7, domain.md §4.2).
 * Units carry the unified social credit code nowadays, so the USCC certificate fits almost every unit type;
 * the organisation-code certificate is listed where it used to be issued and is then judged by the province
 * rule (warn or block). Types without a dedicated certificate (religious bodies, notaries…) may use 'other'.
 */
const UNIT_CERTIFICATES: Record<Exclude<SubjectType, 'individual' | 'enterprise'>, readonly UnitCertificateType[]> = {
  public_institution: ['public_institution_certificate', 'uscc_certificate', 'org_code_certificate'],
  government: ['uscc_certificate', 'org_code_certificate', 'other'],
  social_organization: ['social_org_certificate', 'uscc_certificate', 'org_code_certificate'],
  private_non_enterprise: ['private_non_enterprise_certificate', 'uscc_certificate', 'org_code_certificate'],
  foundation: ['foundation_certificate', 'uscc_certificate', 'org_code_certificate'],
  law_firm: ['law_firm_license', 'uscc_certificate', 'org_code_certificate'],
  mass_organization: ['uscc_certificate', 'org_code_certificate', 'other'],
  military: ['military_code', 'other'],
  foreign_institution: ['uscc_certificate', 'other'],
  religious: ['uscc_certificate', 'org_code_certificate', 'other'],
  medical: ['uscc_certificate', 'public_institution_certificate', 'org_code_certificate', 'other'],
  notary: ['uscc_certificate', 'org_code_certificate', 'other'],
  judicial_appraisal: ['uscc_certificate', 'org_code_certificate', 'other'],
  arbitration: ['uscc_certificate', 'org_code_certificate', 'other'],
};

export function allowedCertificateTypes(
  subjectType: SubjectType,
  pack: ProvinceRulePack | undefined,
): readonly SubjectCertificateType[] {
  if (subjectType === 'individual') return PERSON_ID_TYPES;
  // Enterprises: the province may narrow the family to the business licence alone.
  if (subjectType === 'enterprise') return (pack ?? BASELINE).enterpriseCertificateTypes;
  return UNIT_CERTIFICATES[subjectType];
}

/** Names shown in findings; the form has its own labels, these only make the "allowed" hint readable. */
export const CERTIFICATE_TYPE_NAMES: Record<SubjectCertificateType, string> = {
  business_license: '营业执照',
  uscc_certificate: '统一社会信用代码证书',
  org_code_certificate: '组织机构代码证',
  public_institution_certificate: '事业单位法人证书',
  social_org_certificate: '社会团体法人登记证书',
  private_non_enterprise_certificate: '民办非企业单位登记证书',
  foundation_certificate: '基金会法人登记证书',
  law_firm_license: '律师事务所执业许可证',
  military_code: '部队代号',
  other: '其他',
  resident_id: '居民身份证',
  passport: '护照',
  hk_macau_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  residence_permit: '港澳台居民居住证',
  foreign_pr_card: '外国人永久居留身份证',
};
