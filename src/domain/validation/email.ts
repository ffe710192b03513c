/**
 * Contact e-mail addresses. Deliberately narrower than RFC 5322: a dot-atom ASCII local part and a real
 * host name, which is what mail providers in practice issue and what the MIIT system accepts; quoted local
 * parts, comments and IP-literal domains are refused.
 */
import { HOSTNAME_MESSAGES, parseHostname } from './hostname.ts';
import { isOverlong, normalizeInput } from './normalize.ts';
import { fail, issue, pass, type ValidationResult } from './types.ts';

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`);

/**
 * Normalised to lower case throughout. Local parts are case-sensitive in theory only; lower-casing makes the
 * stored address comparable and no mainstream provider distinguishes case.
 */
export function validateEmail(v: string): ValidationResult {
  if (isOverlong(v)) return fail([issue('EMAIL_TOO_LONG', '电子邮箱地址过长')]);
  const s = normalizeInput(v).replace(/\u3002/g, '.');
  if (s === '') return fail([issue('EMAIL_EMPTY', '请填写电子邮箱')]);
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return fail([issue('EMAIL_FORMAT', '电子邮箱格式不正确，如name@example.com')]);
  const local = s.slice(0, at);
  if (local.length > 64 || !LOCAL_PART.test(local)) {
    return fail([issue('EMAIL_LOCAL_PART', '电子邮箱@前的部分只能包含英文字母、数字和._-+等符号')]);
  }
  const host = parseHostname(s.slice(at + 1));
  if (typeof host === 'string') return fail([issue('EMAIL_DOMAIN', `电子邮箱的域名${HOSTNAME_MESSAGES[host]}`)]);
  const address = `${local.toLowerCase()}@${host.ascii.join('.')}`;
  if (address.length > 254) return fail([issue('EMAIL_TOO_LONG', '电子邮箱地址过长')]);
  return pass(address);
}
