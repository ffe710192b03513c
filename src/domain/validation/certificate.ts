/**
 * Dispatch on the declared certificate type: the same digits can be valid for one document and wrong for
 * another (a leading 81 is a residence permit, never a resident ID), so the type always picks the rule.
 */
import type { PersonIdType, SubjectCertificateType } from '../filing-data.ts';
import { isOverlong, normalizeCode, unifyDashes } from './normalize.ts';
import { validateOrgCode } from './org-code.ts';
import { validateHkMacauPermit, validatePassport, validateTaiwanPermit } from './permits.ts';
import { validateForeignPrCard, validateResidencePermit } from './residence-permit.ts';
import { validateResidentId } from './resident-id.ts';
import { fail, issue, pass, type ValidationResult } from './types.ts';
import { validateUscc } from './uscc.ts';

// Every entry takes today's date so no caller can skip the birth-date bound of the GB 11643 layouts.
const PERSON_ID_VALIDATORS: Record<PersonIdType, (v: string, today: Date) => ValidationResult<unknown>> = {
  resident_id: validateResidentId,
  passport: (v) => validatePassport(v),
  hk_macau_permit: (v) => validateHkMacauPermit(v),
  taiwan_permit: (v) => validateTaiwanPermit(v),
  residence_permit: validateResidencePermit,
  foreign_pr_card: (v) => validateForeignPrCard(v),
};

/** Drops type-specific `info` so every certificate type yields the same result shape. */
const plain = ({ valid, normalized, errors, warnings }: ValidationResult<unknown>): ValidationResult => ({
  valid,
  normalized,
  errors,
  warnings,
});

// Own-property lookups only: a type such as '__proto__' arriving from JSON must not reach Object.prototype.
const hasOwn = <K extends string>(table: Partial<Record<K, unknown>>, key: string): key is K =>
  Object.hasOwn(table, key);

/** `today` bounds the birth date embedded in resident IDs and residence permits. */
export function validatePersonId(idType: PersonIdType, v: string, today: Date): ValidationResult {
  if (!hasOwn(PERSON_ID_VALIDATORS, idType)) return fail([issue('PERSON_ID_TYPE_UNKNOWN', '不支持的证件类型')]);
  return plain(PERSON_ID_VALIDATORS[idType](v, today));
}

const UNIT_CODE_VALIDATORS: Partial<Record<SubjectCertificateType, (v: string) => ValidationResult>> = {
  business_license: validateUscc,
  uscc_certificate: validateUscc,
  org_code_certificate: validateOrgCode,
};

const certificateFormatMessage = '证件号码应为4至40位字母、数字或连字符';

const OTHER_UNIT_TYPES: ReadonlySet<string> = new Set<SubjectCertificateType>([
  'public_institution_certificate',
  'social_org_certificate',
  'private_non_enterprise_certificate',
  'foundation_certificate',
  'law_firm_license',
  'military_code',
  'other',
]);

/**
 * Subject (主办单位) certificate numbers. Certificates without a published number format (事业单位法人证书,
 * 部队代号 …) get a shape check only: 4 to 40 letters, digits or hyphens after normalisation. Most of them
 * carry a USCC nowadays, which passes that check too; the reviewer compares it with the scanned document.
 */
export function validateSubjectCertificate(
  certificateType: SubjectCertificateType,
  v: string,
  today: Date,
): ValidationResult {
  const unitValidator = hasOwn(UNIT_CODE_VALIDATORS, certificateType)
    ? UNIT_CODE_VALIDATORS[certificateType]
    : undefined;
  if (unitValidator) return unitValidator(v);
  if (hasOwn(PERSON_ID_VALIDATORS, certificateType)) return validatePersonId(certificateType, v, today);
  if (!OTHER_UNIT_TYPES.has(certificateType)) return fail([issue('CERTIFICATE_TYPE_UNKNOWN', '不支持的证件类型')]);
  if (isOverlong(v)) return fail([issue('CERTIFICATE_NUMBER_FORMAT', certificateFormatMessage)]);
  const s = unifyDashes(normalizeCode(v));
  if (s === '') return fail([issue('CERTIFICATE_NUMBER_EMPTY', '请填写证件号码')]);
  if (!/^[A-Z0-9-]{4,40}$/.test(s)) return fail([issue('CERTIFICATE_NUMBER_FORMAT', certificateFormatMessage)]);
  return pass(s);
}
