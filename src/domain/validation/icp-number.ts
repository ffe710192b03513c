/**
 * ICP filing numbers (备案号), security-reliability.md §3.6 and domain.md §9. The number the bureau issues is
 * authoritative; this parser only guards data entry and display, so it knows the shapes, not the registry.
 */
import { isOverlong, normalizeInput, removeBlanks, unifyDashes } from './normalize.ts';
import { fail, issue, pass, type ValidationResult } from './types.ts';

/**
 * Province characters seen in live numbers. Not one per province: Sichuan issues both 川 and 蜀, Gansu both
 * 甘 and 陇, and 贵 / 云 are kept defensively next to 黔 / 滇.
 */
export const ICP_PROVINCE_CHARS: readonly string[] = Array.from(
  '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔贵滇云藏陕甘陇青宁新',
);

export type IcpNumberInfo = { prefix: string; serial: string; websiteSuffix?: number; kind: 'subject' | 'website' };

const PROVINCE_SET: ReadonlySet<string> = new Set(ICP_PROVINCE_CHARS);
// Serial: 8 digits (2-digit year + 6) or 10 digits (4-digit year + 6); website index 1..9999 without zero padding.
const FULL = /^(.)ICP备(\d{8}|\d{10})号(?:-([1-9]\d{0,3}))?$/u;

export function parseIcpNumber(v: string): ValidationResult<IcpNumberInfo> {
  if (isOverlong(v)) return fail([issue('ICP_NUMBER_FORMAT', '备案号格式不正确')]);
  // Spaces and lower-case "icp" are typing noise; full-width ＩＣＰ and －1 are folded by NFKC.
  const s = unifyDashes(removeBlanks(normalizeInput(v))).replace(/icp/i, 'ICP');
  if (s === '') return fail([issue('ICP_NUMBER_EMPTY', '请填写备案号')]);
  const m = FULL.exec(s);
  if (!m) return fail([diagnose(s)]);
  const [, prefix, serial, suffix] = m as unknown as [string, string, string, string | undefined];
  if (!PROVINCE_SET.has(prefix)) return fail([issue('ICP_NUMBER_PROVINCE', `备案号的省份简称“${prefix}”不正确`)]);
  const websiteSuffix = suffix === undefined ? undefined : Number(suffix);
  const info: IcpNumberInfo =
    websiteSuffix === undefined
      ? { prefix, serial, kind: 'subject' }
      : { prefix, serial, websiteSuffix, kind: 'website' };
  return pass(formatIcpNumber(info), [], info);
}

/** The most useful single reason a string is not an ICP number, checked from the outside in. */
function diagnose(s: string) {
  const head = /^(.)ICP备/u.exec(s);
  if (!head) {
    const first = Array.from(s)[0] ?? '';
    return /^(.)ICP/u.test(s) || PROVINCE_SET.has(first)
      ? issue('ICP_NUMBER_FORMAT', '备案号格式应为“省份简称ICP备数字号”，如京ICP备12345678号')
      : issue('ICP_NUMBER_PROVINCE', '备案号应以省份简称开头，如京ICP备12345678号');
  }
  if (!PROVINCE_SET.has(head[1]!)) return issue('ICP_NUMBER_PROVINCE', `备案号的省份简称“${head[1]}”不正确`);
  const rest = s.slice(head[0].length);
  const digits = /^\d*/.exec(rest)![0];
  if (digits.length !== 8 && digits.length !== 10) return issue('ICP_NUMBER_SERIAL', '备案号的数字部分应为8位或10位');
  const after = rest.slice(digits.length);
  if (!after.startsWith('号')) return issue('ICP_NUMBER_MISSING_HAO', '备案号数字后应有“号”字');
  return issue('ICP_NUMBER_WEBSITE_SUFFIX', '网站备案号应为主体备案号加“-序号”，如京ICP备12345678号-1');
}

/** Inverse of parseIcpNumber for display and storage. */
export function formatIcpNumber(p: { prefix: string; serial: string; websiteSuffix?: number }): string {
  const base = `${p.prefix}ICP备${p.serial}号`;
  return p.websiteSuffix === undefined ? base : `${base}-${p.websiteSuffix}`;
}
