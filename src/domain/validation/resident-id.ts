/** Mainland resident ID numbers (居民身份证, GB 11643-1999), security-reliability.md §3.1. */
import { type ProvinceCode, provinceByResidentIdPrefix } from '../province/provinces.ts';
import { ID18_SHAPE, id18Issues, id18Parts } from './id18.ts';
import { isOverlong, normalizeIdNumber } from './normalize.ts';
import { validateResidencePermit } from './residence-permit.ts';
import { fail, issue, pass, type ValidationIssue, type ValidationResult } from './types.ts';

export type ResidentIdInfo = { birthDate: string; regionCode: string; provinceCode?: ProvinceCode; sex: 'M' | 'F' };

const LABEL = '身份证号码';

/**
 * Validates an 18-character mainland resident ID. The birth date must be a real date from 1900 up to
 * `today` (the Asia/Shanghai date of that instant).
 */
export function validateResidentId(v: string, today: Date): ValidationResult<ResidentIdInfo> {
  if (isOverlong(v)) return fail([issue('RESIDENT_ID_FORMAT', `${LABEL}应为18位`)]);
  const s = normalizeIdNumber(v);
  if (s === '') return fail([issue('RESIDENT_ID_EMPTY', `请填写${LABEL}`)]);
  // First-generation cards stopped being valid on 2013-01-01; say so rather than "wrong length".
  if (/^\d{15}$/.test(s)) {
    return fail([issue('RESIDENT_ID_FIRST_GENERATION', '15位一代身份证已停止使用，请填写18位身份证号码')]);
  }
  if (!ID18_SHAPE.test(s)) return fail([issue('RESIDENT_ID_FORMAT', `${LABEL}应为18位数字（末位可为X）`)]);
  // Same layout, different document: steer the applicant to the right certificate type.
  if (/^8[123]/.test(s)) {
    return fail([issue('RESIDENT_ID_RESIDENCE_PERMIT', '该号码为港澳台居民居住证号码，请选择对应证件类型')]);
  }
  if (s.startsWith('9')) {
    return fail([issue('RESIDENT_ID_PR_CARD', '该号码为外国人永久居留身份证号码，请选择对应证件类型')]);
  }

  const errors: ValidationIssue[] = [];
  const province = provinceByResidentIdPrefix(s.slice(0, 2));
  if (!province) errors.push(issue('RESIDENT_ID_REGION', `${LABEL}的地区码不是有效的内地省级行政区`));
  errors.push(...id18Issues(s, 'RESIDENT_ID', LABEL, today));
  // With no errors the birth date parsed and the province exists, so `parts` is never null here.
  const parts = errors.length === 0 ? id18Parts(s) : null;
  return parts && province ? pass(s, [], { ...parts, provinceCode: province.code }) : fail(errors);
}

/**
 * Birth date, region and sex of a valid resident ID or HK/Macau/Taiwan residence permit (same layout), for
 * cross-field checks such as "entered birth date matches the ID" or minimum age. Null for anything else,
 * including 2023 PR cards whose digits follow a different layout.
 */
export function residentIdInfo(v: string, today: Date): ResidentIdInfo | null {
  const resident = validateResidentId(v, today);
  if (resident.valid && resident.info) return resident.info;
  const permit = validateResidencePermit(v, today);
  return permit.valid && permit.normalized ? id18Parts(permit.normalized) : null;
}
