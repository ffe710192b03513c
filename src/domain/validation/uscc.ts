/** Unified social credit codes (统一社会信用代码, GB 32100-2015), security-reliability.md §3.2. */
import { orgCodeCheckChar, USCC_ALPHABET, usccCheckChar } from './check-digits.ts';
import { isOverlong, normalizeIdNumber } from './normalize.ts';
import { fail, issue, pass, type ValidationIssue, type ValidationResult } from './types.ts';

const LABEL = '统一社会信用代码';
const USCC_CHARS = new RegExp(`^[${USCC_ALPHABET}]{18}$`);
// Registration authority 1-9 plus A (中央军委改革和编制办公室), N (农业) and Y (其他); then a digit for the
// institution type and six digits of region code. Some third-party validators wrongly reject A/N/Y.
const USCC_HEAD = /^[1-9ANY][1-9]\d{6}/;

export function validateUscc(v: string): ValidationResult {
  if (isOverlong(v)) return fail([issue('USCC_LENGTH', `${LABEL}应为18位`)]);
  const s = normalizeIdNumber(v);
  if (s === '') return fail([issue('USCC_EMPTY', `请填写${LABEL}`)]);
  if (s.length !== 18) return fail([issue('USCC_LENGTH', `${LABEL}应为18位`)]);
  if (!USCC_CHARS.test(s)) {
    return fail([issue('USCC_CHARSET', `${LABEL}只能包含数字和除I、O、Z、S、V以外的大写字母`)]);
  }
  if (!USCC_HEAD.test(s)) return fail([issue('USCC_FORMAT', `${LABEL}的登记管理部门、机构类别或行政区划码不正确`)]);
  if (usccCheckChar(s.slice(0, 17)) !== s[17]) return fail([issue('USCC_CHECKSUM', `${LABEL}校验位错误`)]);

  // Every known code embeds a valid organisation code, but the standard does not make the code invalid
  // when it does not: leave the call to a reviewer.
  const warnings: ValidationIssue[] = [];
  if (orgCodeCheckChar(s.slice(8, 16)) !== s[16]) {
    warnings.push(issue('USCC_ORG_CODE_MISMATCH', `${LABEL}中的组织机构代码校验不一致，请人工核对`));
  }
  return pass(s, warnings);
}
