/**
 * Numbers that reuse the GB 11643 layout for non-mainland people (security-reliability.md §3.3):
 * HK/Macau/Taiwan residence permits (国办发〔2018〕81号) and foreign permanent residence ID cards.
 */
import { hasValidMod11_2, ID18_SHAPE, id18Issues } from './id18.ts';
import { isOverlong, normalizeIdNumber } from './normalize.ts';
import { fail, issue, pass, settle, type ValidationResult } from './types.ts';

/** 810000 Hong Kong, 820000 Macau, 830000 Taiwan. */
const RESIDENCE_PERMIT_REGIONS = ['810000', '820000', '830000'];
const PERMIT_LABEL = '港澳台居民居住证号码';

/** `today` bounds the embedded birth date, as for resident IDs. */
export function validateResidencePermit(v: string, today: Date): ValidationResult {
  if (isOverlong(v)) return fail([issue('RESIDENCE_PERMIT_FORMAT', `${PERMIT_LABEL}应为18位`)]);
  const s = normalizeIdNumber(v);
  if (s === '') return fail([issue('RESIDENCE_PERMIT_EMPTY', `请填写${PERMIT_LABEL}`)]);
  if (!ID18_SHAPE.test(s)) return fail([issue('RESIDENCE_PERMIT_FORMAT', `${PERMIT_LABEL}应为18位数字（末位可为X）`)]);
  if (!RESIDENCE_PERMIT_REGIONS.includes(s.slice(0, 6))) {
    return fail([issue('RESIDENCE_PERMIT_REGION', `${PERMIT_LABEL}应以810000、820000或830000开头`)]);
  }
  return settle(s, id18Issues(s, 'RESIDENCE_PERMIT', PERMIT_LABEL, today));
}

const PR_CARD_LABEL = '外国人永久居留身份证号码';

/**
 * Both card generations are still in circulation: the 2023 card (18 digits, leading 9, MOD 11-2) and the
 * 2017 card (3-letter nationality code + 12 digits, no published check digit).
 */
export function validateForeignPrCard(v: string): ValidationResult {
  if (isOverlong(v)) return fail([issue('FOREIGN_PR_CARD_FORMAT', `${PR_CARD_LABEL}格式不正确`)]);
  const s = normalizeIdNumber(v);
  if (s === '') return fail([issue('FOREIGN_PR_CARD_EMPTY', `请填写${PR_CARD_LABEL}`)]);
  if (/^[A-Z]{3}\d{12}$/.test(s)) return pass(s);
  if (!ID18_SHAPE.test(s)) {
    return fail([issue('FOREIGN_PR_CARD_FORMAT', `${PR_CARD_LABEL}应为18位数字（以9开头）或3位字母加12位数字`)]);
  }
  if (!s.startsWith('9')) return fail([issue('FOREIGN_PR_CARD_FORMAT', `18位${PR_CARD_LABEL}应以9开头`)]);
  if (!hasValidMod11_2(s)) return fail([issue('FOREIGN_PR_CARD_CHECKSUM', `${PR_CARD_LABEL}校验位错误`)]);
  return pass(s);
}
