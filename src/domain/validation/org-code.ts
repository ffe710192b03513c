/** Organisation codes (组织机构代码, GB 11714-1997) on pre-2015 certificates, security-reliability.md §3.2. */
import { orgCodeCheckChar } from './check-digits.ts';
import { isOverlong, normalizeCode, unifyDashes } from './normalize.ts';
import { fail, issue, pass, type ValidationResult } from './types.ts';

const LABEL = '组织机构代码';

/** Accepts `XXXXXXXX-C` or the same nine characters without the hyphen; stores the hyphenated form. */
export function validateOrgCode(v: string): ValidationResult {
  if (isOverlong(v)) return fail([issue('ORG_CODE_FORMAT', `${LABEL}格式应为XXXXXXXX-X`)]);
  const s = unifyDashes(normalizeCode(v));
  if (s === '') return fail([issue('ORG_CODE_EMPTY', `请填写${LABEL}`)]);
  const m = /^([0-9A-Z]{8})-?([0-9X])$/.exec(s);
  if (!m) return fail([issue('ORG_CODE_FORMAT', `${LABEL}格式应为8位数字或大写字母加1位校验码，如12345678-9`)]);
  const [, body, check] = m as unknown as [string, string, string];
  if (orgCodeCheckChar(body) !== check) return fail([issue('ORG_CODE_CHECKSUM', `${LABEL}校验位错误`)]);
  return pass(`${body}-${check}`);
}
