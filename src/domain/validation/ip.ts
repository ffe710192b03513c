/**
 * Server IP addresses. Only the canonical spellings are accepted for IPv4 (no leading zeros, which some
 * parsers read as octal), and IPv6 is stored in the RFC 5952 form so equal addresses compare equal.
 */
import { isOverlong, normalizeInput } from './normalize.ts';
import { fail, issue, pass, type ValidationIssue, type ValidationResult } from './types.ts';

type Parsed = { version: 4; octets: number[] } | { version: 6; groups: number[] };

const IPV4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function parseIpv4(s: string): number[] | null {
  const m = IPV4.exec(s);
  return m ? m.slice(1).map(Number) : null;
}

/** Eight 16-bit groups, allowing one `::` and a trailing dotted quad; zone ids (`%eth0`) are refused. */
function parseIpv6(s: string): number[] | null {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.length > 45) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const toGroups = (part: string): number[] | null => {
    if (part === '') return [];
    const groups: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return null;
        groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        groups.push(Number.parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = toGroups(halves[0]!);
  const tail = halves.length === 2 ? toGroups(halves[1]!) : [];
  if (!head || !tail) return null;
  // A dotted quad may only end the address.
  if (halves.length === 2 && halves[0]!.includes('.')) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : null;
}

function parseIp(raw: string): Parsed | null {
  const v4 = parseIpv4(raw);
  if (v4) return { version: 4, octets: v4 };
  const v6 = raw.includes(':') ? parseIpv6(raw) : null;
  return v6 ? { version: 6, groups: v6 } : null;
}

/** RFC 5952: lower-case hex, no leading zeros, the longest run (2+) of zero groups as `::`. */
function formatIpv6(groups: number[]): string {
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [a, b] = [groups[6]!, groups[7]!];
    return `::ffff:${a >> 8}.${a & 0xff}.${b >> 8}.${b & 0xff}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

export function validateIp(v: string): ValidationResult<{ version: 4 | 6 }> {
  if (isOverlong(v)) return fail([issue('IP_INVALID', 'IP地址格式不正确')]);
  const s = normalizeInput(v);
  if (s === '') return fail([issue('IP_EMPTY', '请填写IP地址')]);
  const parsed = parseIp(s);
  if (!parsed) {
    const leadingZero = /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && /(^|\.)0\d/.test(s);
    return leadingZero
      ? fail([issue('IP_LEADING_ZERO', 'IPv4地址的各段不能有前导零')])
      : fail([issue('IP_INVALID', 'IP地址格式不正确')]);
  }
  const normalized = parsed.version === 4 ? parsed.octets.join('.') : formatIpv6(parsed.groups);
  const warnings: ValidationIssue[] = isPublicParsed(parsed)
    ? []
    : [issue('IP_NOT_PUBLIC', '该地址不是公网IP地址，备案需填写服务器的公网IP')];
  return pass(normalized, warnings, { version: parsed.version });
}

/** False for anything that is not a globally routable unicast address, and for unparseable input. */
export function isPublicIp(ip: string): boolean {
  const parsed = typeof ip === 'string' && !isOverlong(ip) ? parseIp(normalizeInput(ip)) : null;
  return parsed !== null && isPublicParsed(parsed);
}

// Blocks in IANA's special-purpose registries (RFC 6890 and successors) that are not globally reachable,
// plus multicast and the reserved 240/4.
const IPV4_NON_PUBLIC = cidrs(
  '0.0.0.0/8 10.0.0.0/8 100.64.0.0/10 127.0.0.0/8 169.254.0.0/16 172.16.0.0/12 192.0.0.0/24 192.0.2.0/24 ' +
    '192.31.196.0/24 192.52.193.0/24 192.88.99.0/24 192.168.0.0/16 192.175.48.0/24 198.18.0.0/15 ' +
    '198.51.100.0/24 203.0.113.0/24 224.0.0.0/4 240.0.0.0/4',
);

// IPv6 is judged inside 2000::/3 only: everything else (::1, fc00::/7, fe80::/10, ff00::/8, IPv4-mapped
// and NAT64 forms …) is not global unicast, and not what a server is filed with.
const IPV6_NON_PUBLIC_IN_GLOBAL = cidrs('2001::/23 2001:db8::/32 2002::/16 3fff::/20');

function cidrs(list: string): Array<{ groups: number[]; bits: number }> {
  return list.split(' ').map((cidr) => {
    const [address, bits] = cidr.split('/') as [string, string];
    const v4 = parseIpv4(address);
    return { groups: v4 ? v4ToGroups(v4) : parseIpv6(address)!, bits: v4 ? Number(bits) + 96 : Number(bits) };
  });
}

// IPv4 ranges are compared as the last 32 bits of a 128-bit value, so one prefix test serves both families.
function v4ToGroups(o: number[]): number[] {
  return [0, 0, 0, 0, 0, 0, (o[0]! << 8) | o[1]!, (o[2]! << 8) | o[3]!];
}

function inRange(groups: number[], range: { groups: number[]; bits: number }): boolean {
  for (let i = 0; i < 8 && range.bits > i * 16; i++) {
    const take = Math.min(16, range.bits - i * 16);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if ((groups[i]! & mask) !== (range.groups[i]! & mask)) return false;
  }
  return true;
}

function isPublicParsed(p: Parsed): boolean {
  if (p.version === 4) {
    const groups = v4ToGroups(p.octets);
    return !IPV4_NON_PUBLIC.some((range) => inRange(groups, range));
  }
  if ((p.groups[0]! & 0xe000) !== 0x2000) return false;
  return !IPV6_NON_PUBLIC_IN_GLOBAL.some((range) => inRange(p.groups, range));
}
