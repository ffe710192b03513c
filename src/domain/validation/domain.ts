/**
 * Website domains for filing (security-reliability.md §3.5): ICP files the registrable domain, so
 * `www.example.com` is folded to `example.com`, and any other subdomain is refused with a pointer to the
 * name that has to be filed instead.
 */
import { domainToAscii, HOSTNAME_MESSAGES, parseHostname } from './hostname.ts';
import { isOverlong, normalizeInput } from './normalize.ts';
import { SECOND_LEVEL_SUFFIXES, TOP_LEVEL_DOMAINS } from './public-suffixes.ts';
import { fail, issue, pass, type ValidationIssue, type ValidationResult } from './types.ts';

export type DomainInfo = { unicode: string; registrable: string; tld: string };

let suffixes: ReadonlySet<string> | undefined;
// Built lazily from the readable table so the module has no start-up work.
const publicSuffixes = (): ReadonlySet<string> => {
  suffixes ??= new Set(
    [...TOP_LEVEL_DOMAINS, ...SECOND_LEVEL_SUFFIXES].map((s) => domainToAscii(`x.${s}`)?.slice(2) ?? s),
  );
  return suffixes;
};

/** Converts the public-suffix table to A-labels; exposed so a test can prove every entry converts. */
export const publicSuffixList = (): string[] => [...publicSuffixes()];

const bad = (code: string, message: string): ValidationResult<DomainInfo> => fail([issue(`DOMAIN_${code}`, message)]);

/** Turns typing habits into plain structure before any check: Chinese input methods type 。 for a dot. */
const prepare = (raw: string): string => normalizeInput(raw).replace(/\u3002/g, '.');

export function validateDomain(v: string): ValidationResult<DomainInfo> {
  if (isOverlong(v)) return bad('TOO_LONG', '域名过长');
  const s = prepare(v);
  if (s === '') return bad('EMPTY', '请填写域名');
  // Specific hints for the usual paste-from-the-address-bar mistakes.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return bad('HAS_SCHEME', '请只填写域名，不要包含http://或https://');
  if (/[/?#\\]/.test(s)) return bad('HAS_PATH', '请只填写域名，不要包含路径或参数');
  if (s.includes('[') || s.includes(']') || /^[\d.]+$/.test(s) || (s.match(/:/g)?.length ?? 0) > 1) {
    return bad('IP_LITERAL', '请填写域名，不能填写IP地址');
  }
  if (s.includes(':')) return bad('HAS_PORT', '请只填写域名，不要包含端口号');
  if (s.includes('*')) return bad('WILDCARD', '不支持通配符域名，请填写具体域名');

  const host = parseHostname(s);
  if (typeof host === 'string') return bad(host, `域名${HOSTNAME_MESSAGES[host]}`);

  const warnings: ValidationIssue[] = [];
  const suffixLength = publicSuffixLength(host.ascii);
  if (suffixLength === 0) {
    warnings.push(issue('DOMAIN_TLD_UNKNOWN', '该顶级域名不在常见域名后缀表中，请确认其可以备案'));
  }
  const ownLabels = Math.max(suffixLength, 1) + 1;
  if (host.ascii.length < ownLabels) return bad('IS_PUBLIC_SUFFIX', '这是公共域名后缀，请填写完整的主域名');

  const registrable = host.ascii.slice(-ownLabels).join('.');
  const unicode = host.unicode.slice(-ownLabels).join('.');
  const info: DomainInfo = { unicode, registrable, tld: host.ascii[host.ascii.length - 1]! };
  const extra = host.ascii.length - ownLabels;
  if (extra === 1 && host.ascii[0] === 'www') {
    warnings.push(issue('DOMAIN_WWW_STRIPPED', `已去除“www.”，备案域名为${unicode}`));
  } else if (extra > 0) {
    return fail([issue('DOMAIN_NOT_REGISTRABLE', `备案需填写主域名${unicode}，不能填写子域名`)], warnings, info);
  }
  if (host.unicode.some(mixesLatinWithLookalikes)) {
    warnings.push(issue('DOMAIN_MIXED_SCRIPT', '域名混用了拉丁字母与西里尔/希腊字母，可能是仿冒域名，请人工核对'));
  }
  return pass(registrable, warnings, info);
}

/** Labels in the longest matching public suffix; 0 when even the TLD is unknown. */
function publicSuffixLength(labels: string[]): number {
  const table = publicSuffixes();
  for (let i = 0; i < labels.length; i++) {
    if (table.has(labels.slice(i).join('.'))) return labels.length - i;
  }
  return 0;
}

// Whole-script confusables need a Unicode confusables table; mixing scripts inside a label is the cheap,
// high-signal case ("аpple" with a Cyrillic а), so flag only that for a reviewer.
const mixesLatinWithLookalikes = (label: string): boolean =>
  /\p{Script=Latin}/u.test(label) && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(label);
