/**
 * Travel documents of people from outside the mainland (security-reliability.md §3.3). None carries a
 * published check digit, so only the shape is checked; the issuing authority's number is authoritative.
 */
import { isOverlong, normalizeCode } from './normalize.ts';
import { fail, issue, pass, type ValidationResult } from './types.ts';

const HK_MACAU_LABEL = '港澳居民来往内地通行证号码';

/**
 * H (Hong Kong) or M (Macau) plus the 8-digit lifelong number. Older cards append a 2-digit renewal count;
 * the lifelong part identifies the person, so that is what we store, and the dropped count is reported.
 */
export function validateHkMacauPermit(v: string): ValidationResult {
  if (isOverlong(v)) return fail([issue('HK_MACAU_PERMIT_FORMAT', `${HK_MACAU_LABEL}格式不正确`)]);
  const s = normalizeCode(v);
  if (s === '') return fail([issue('HK_MACAU_PERMIT_EMPTY', `请填写${HK_MACAU_LABEL}`)]);
  const m = /^([HM]\d{8})(\d{2})?$/.exec(s);
  if (!m) return fail([issue('HK_MACAU_PERMIT_FORMAT', `${HK_MACAU_LABEL}应为H或M加8位数字`)]);
  const lifelong = m[1]!;
  const renewal = m[2];
  if (renewal === undefined) return pass(lifelong);
  return pass(lifelong, [
    issue('HK_MACAU_PERMIT_RENEWAL_COUNT', `已按终身号码${lifelong}保存，末尾换证次数${renewal}未保存`),
  ]);
}

const TAIWAN_LABEL = '台湾居民来往大陆通行证号码';

/** Eight-digit lifelong number since 2008; the older 10-digit numbers belong to expired booklets. */
export function validateTaiwanPermit(v: string): ValidationResult {
  if (isOverlong(v)) return fail([issue('TAIWAN_PERMIT_FORMAT', `${TAIWAN_LABEL}应为8位数字`)]);
  const s = normalizeCode(v);
  if (s === '') return fail([issue('TAIWAN_PERMIT_EMPTY', `请填写${TAIWAN_LABEL}`)]);
  if (/^\d{10}$/.test(s)) {
    return fail([issue('TAIWAN_PERMIT_OLD_FORMAT', `10位${TAIWAN_LABEL}已停用，请填写8位终身号码`)]);
  }
  if (!/^\d{8}$/.test(s)) return fail([issue('TAIWAN_PERMIT_FORMAT', `${TAIWAN_LABEL}应为8位数字`)]);
  return pass(s);
}

const PASSPORT_LABEL = '护照号码';

/** Foreign passports vary by country; without the MRZ there is nothing to check beyond the shape. */
export function validatePassport(v: string): ValidationResult {
  if (isOverlong(v)) return fail([issue('PASSPORT_FORMAT', `${PASSPORT_LABEL}应为5至17位字母或数字`)]);
  const s = normalizeCode(v);
  if (s === '') return fail([issue('PASSPORT_EMPTY', `请填写${PASSPORT_LABEL}`)]);
  if (!/^[A-Z0-9]{5,17}$/.test(s)) return fail([issue('PASSPORT_FORMAT', `${PASSPORT_LABEL}应为5至17位字母或数字`)]);
  return pass(s);
}
