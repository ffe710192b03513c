/**
 * Host-name syntax shared by domains and e-mail addresses (security-reliability.md §3.5). The platform's
 * WHATWG URL parser does the UTS #46 / IDNA mapping, so browser and server agree on every A-label; the
 * stricter DNS rules it skips (label and name lengths, hyphens, letters-digits-hyphen only, a TLD of letters)
 * are checked here, and every U-label is held to IDNA2008's code-point rules (idna2008.ts), which UTS #46
 * with UseSTD3ASCIIRules off does not apply.
 */
import { isIdna2008Label } from './idna2008.ts';
import { decodePunycode } from './punycode.ts';

/** UTS #46 to-ASCII through the URL parser; null where it rejects the name. */
export function domainToAscii(name: string): string | null {
  try {
    return new URL(`http://${name}`).hostname || null;
  } catch {
    return null;
  }
}

export type HostnameFailure =
  | 'INVALID_CHARS'
  | 'IP_LITERAL'
  | 'IDNA_INVALID'
  | 'EMPTY_LABEL'
  | 'TOO_LONG'
  | 'LABEL_TOO_LONG'
  | 'HYPHEN'
  | 'SINGLE_LABEL'
  | 'TLD_INVALID'
  | 'IDNA_DISALLOWED';

export type Hostname = { ascii: string[]; unicode: string[] };

export const HOSTNAME_MESSAGES: Record<HostnameFailure, string> = {
  INVALID_CHARS: '只能包含字母、数字、连字符和中文等合法字符',
  IP_LITERAL: '不能填写IP地址',
  IDNA_INVALID: '不是有效的国际化域名',
  EMPTY_LABEL: '不能包含连续的点或以点开头',
  TOO_LONG: '总长度不能超过253个字符',
  LABEL_TOO_LONG: '每一级不能超过63个字符',
  HYPHEN: '每一级不能以连字符开头或结尾，第3、4位不能同时为连字符',
  SINGLE_LABEL: '至少应包含两级，如example.com',
  TLD_INVALID: '的最后一级（顶级域名）应为至少2个字母，不能包含数字',
  IDNA_DISALLOWED: '包含国际化域名不允许的字符（如符号、标点、表情或全角、大写的兼容形式）',
};

// Printable ASCII other than letters, digits, '.' and '-' never belongs in a host name, and some of it
// ('@', '%', '\', tab) would make the URL parser read a different host than the one the user typed.
const FORBIDDEN_ASCII = /[^A-Za-z0-9.\-\u0080-\uFFFF]/;
const LDH_LABEL = /^[a-z0-9-]+$/;
// The WHATWG parser reads a name whose last label is numeric as an IPv4 address (even 0x7f.1).
const NUMERIC_LABEL = /^(?:0x[0-9a-f]*|\d+)$/i;
// No TLD has digits or a single letter (ICANN's string rules; RFC 1123 §2.1 for the numeric case); an
// internationalised TLD is an A-label whose U-label is held to the same no-digits rule.
const ASCII_TLD = /^[a-z]{2,63}$/;

/** Parses a host name (one trailing root dot allowed) into aligned A-label and U-label lists. */
export function parseHostname(input: string): Hostname | HostnameFailure {
  const name = input.endsWith('.') ? input.slice(0, -1) : input;
  if (FORBIDDEN_ASCII.test(name)) return 'INVALID_CHARS';
  if (NUMERIC_LABEL.test(name.slice(name.lastIndexOf('.') + 1))) return 'IP_LITERAL';
  if (name.split('.').some((label) => label === '')) return 'EMPTY_LABEL';
  const ascii = domainToAscii(name);
  if (ascii === null) return 'IDNA_INVALID';
  if (ascii.length > 253) return 'TOO_LONG';
  const labels = ascii.split('.');
  for (const label of labels) {
    if (label === '') return 'EMPTY_LABEL';
    if (label.length > 63) return 'LABEL_TOO_LONG';
    if (!LDH_LABEL.test(label)) return 'INVALID_CHARS';
    if (label.startsWith('-') || label.endsWith('-')) return 'HYPHEN';
    if (label.slice(2, 4) === '--' && !label.startsWith('xn--')) return 'HYPHEN';
  }
  const tld = labels[labels.length - 1]!;
  if (NUMERIC_LABEL.test(tld)) return 'IP_LITERAL';
  if (labels.length < 2) return 'SINGLE_LABEL';
  if (!ASCII_TLD.test(tld) && !tld.startsWith('xn--')) return 'TLD_INVALID';
  const unicode = toUnicodeLabels(labels);
  // A non-canonical A-label (one the mapping would not produce) could dodge the A-label unique index.
  if (unicode === null || domainToAscii(unicode.join('.')) !== ascii) return 'IDNA_INVALID';
  // Checked on the U-label, so an A-label typed directly (xn--ab-tda for a©b) is held to the same rules.
  if (!unicode.every(isIdna2008Label)) return 'IDNA_DISALLOWED';
  if (/\p{N}/u.test(unicode[unicode.length - 1]!)) return 'TLD_INVALID';
  return { ascii: labels, unicode };
}

function toUnicodeLabels(labels: string[]): string[] | null {
  const out: string[] = [];
  for (const label of labels) {
    const decoded = label.startsWith('xn--') ? decodePunycode(label.slice(4)) : label;
    if (decoded === null || decoded === '') return null;
    out.push(decoded);
  }
  return out;
}
