/**
 * Mainland phone numbers (security-reliability.md §3.4). Mobiles are checked against Google's
 * libphonenumber metadata, because a plain `1[3-9]\d{9}` accepts ranges that were never assigned
 * (140, 154, 194 …) and MIIT verification SMS to such a number would never arrive.
 */
import libphonenumber from 'google-libphonenumber';
import { isOverlong, normalizeInput, unifyDashes } from './normalize.ts';
import { fail, issue, pass, type ValidationIssue, type ValidationResult } from './types.ts';

const { PhoneNumberUtil, PhoneNumberType } = libphonenumber;
let util: libphonenumber.PhoneNumberUtil | undefined;
// Built on first use: loading the metadata costs a few milliseconds that pages without phones should not pay.
const phoneUtil = (): libphonenumber.PhoneNumberUtil => {
  util ??= PhoneNumberUtil.getInstance();
  return util;
};

function metadataType(nationalDigits: string): libphonenumber.PhoneNumberType | null {
  try {
    const parsed = phoneUtil().parse(nationalDigits, 'CN');
    if (!phoneUtil().isValidNumberForRegion(parsed, 'CN')) return null;
    return phoneUtil().getNumberType(parsed);
  } catch {
    return null;
  }
}

const isCnMobile = (digits: string): boolean => {
  const type = metadataType(digits);
  return type === PhoneNumberType.MOBILE || type === PhoneNumberType.FIXED_LINE_OR_MOBILE;
};

type Dialled = { kind: 'national'; digits: string; international: boolean } | { kind: 'foreign' } | { kind: 'garbage' };

/** Strips punctuation people put in phone numbers and the +86 / 0086 / 86 country prefixes. */
function parseDialled(raw: string): Dialled {
  const s = unifyDashes(normalizeInput(raw)).replace(/[\s\-().]/g, '');
  const intl = /^(?:\+|00)(\d+)$/.exec(s);
  if (intl) {
    const [, number] = intl as unknown as [string, string];
    return number.startsWith('86')
      ? { kind: 'national', digits: number.slice(2), international: true }
      : { kind: 'foreign' };
  }
  if (!/^\d+$/.test(s)) return { kind: 'garbage' };
  // "86" without a plus is only unambiguous in front of an 11-digit mobile.
  if (/^861\d{10}$/.test(s)) return { kind: 'national', digits: s.slice(2), international: true };
  return { kind: 'national', digits: s, international: false };
}

const MOBILE_LABEL = '手机号码';

/** A mainland mobile number, normalised to its 11 digits. */
export function validateMobile(v: string): ValidationResult {
  if (isOverlong(v)) return fail([issue('MOBILE_FORMAT', `${MOBILE_LABEL}应为11位数字`)]);
  if (normalizeInput(v) === '') return fail([issue('MOBILE_EMPTY', `请填写${MOBILE_LABEL}`)]);
  const dialled = parseDialled(v);
  if (dialled.kind === 'foreign') return fail([issue('MOBILE_NOT_MAINLAND', '仅支持中国内地手机号码')]);
  if (dialled.kind === 'garbage' || !/^1\d{10}$/.test(dialled.digits)) {
    return fail([issue('MOBILE_FORMAT', `${MOBILE_LABEL}应为11位数字`)]);
  }
  if (!isCnMobile(dialled.digits)) return fail([issue('MOBILE_INVALID', '不是有效的中国内地手机号码')]);
  return pass(dialled.digits);
}

// Area code 010 / 02x is followed by 8 digits; 0xxx by 7 or 8. Subscriber numbers never start with 0.
const FIXED_LINE = /^(0(?:10|2\d))([1-9]\d{7})$|^(0[3-9]\d{2})([1-9]\d{6,7})$/;
const PHONE_LABEL = '联系电话';
const invalidPhoneMessage = '请填写手机号码或带区号的固定电话，如010-12345678';

/**
 * Emergency and office phones: a mainland mobile, or a fixed line with its area code, stored as
 * `0755-12345678`. Fixed lines the metadata does not know are accepted with a warning, since an
 * outdated table must not block a filing, but a reviewer should dial it.
 */
export function validatePhone(v: string): ValidationResult {
  if (isOverlong(v)) return fail([issue('PHONE_INVALID', `${PHONE_LABEL}格式不正确`)]);
  if (normalizeInput(v) === '') return fail([issue('PHONE_EMPTY', `请填写${PHONE_LABEL}`)]);
  const dialled = parseDialled(v);
  if (dialled.kind === 'foreign') return fail([issue('PHONE_NOT_MAINLAND', '仅支持中国内地电话号码')]);
  if (dialled.kind === 'garbage') return fail([issue('PHONE_INVALID', invalidPhoneMessage)]);

  const { digits } = dialled;
  if (/^1\d{10}$/.test(digits)) {
    return isCnMobile(digits) ? pass(digits) : fail([issue('PHONE_INVALID', '不是有效的中国内地手机号码')]);
  }
  // After +86 the trunk 0 of the area code is dropped: +86 10 12345678 is 010-12345678.
  const national = dialled.international && !digits.startsWith('0') ? `0${digits}` : digits;
  const m = FIXED_LINE.exec(national);
  if (!m) return fail([issue('PHONE_INVALID', invalidPhoneMessage)]);
  const area = m[1] ?? m[3]!;
  const subscriber = m[2] ?? m[4]!;
  const type = metadataType(national);
  const warnings: ValidationIssue[] =
    type === PhoneNumberType.FIXED_LINE || type === PhoneNumberType.FIXED_LINE_OR_MOBILE
      ? []
      : [issue('PHONE_FIXED_LINE_UNVERIFIED', '该固定电话号码段未能核实，请确认号码可以接通')];
  return pass(`${area}-${subscriber}`, warnings);
}
