/**
 * Where a webhook may be sent (SSRF guard). A subscription's URL is checked when it is saved, and every address
 * its host resolves to is checked again at connect time by the sender, so a DNS answer changed later (rebinding)
 * cannot point a delivery at the provider's own network.
 */
export type TargetPolicy = { requireHttps: boolean; allowPrivate: boolean };

export type TargetRefusal = 'invalid_url' | 'https_required' | 'credentials_in_url' | 'private_address';

const v4 = (ip: string): number[] | null => {
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
};

const privateV4 = ([a, b]: number[]): boolean =>
  a === 0 ||
  a === 10 ||
  a === 127 ||
  (a === 100 && b !== undefined && b >= 64 && b <= 127) ||
  (a === 169 && b === 254) ||
  (a === 172 && b !== undefined && b >= 16 && b <= 31) ||
  (a === 192 && b === 168) ||
  (a === 192 && b === 0) ||
  (a === 198 && (b === 18 || b === 19)) ||
  (a !== undefined && a >= 224);

/** Loopback, private, link-local, carrier-grade NAT, unspecified, multicast and reserved ranges (v4 and v6). */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').toLowerCase();
  const four = v4(ip);
  if (four) return privateV4(four);
  if (!ip.includes(':')) return true; // not an address we understand: refuse
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip) ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped?.[1]) {
    const inner = v4(mapped[1]);
    return inner ? privateV4(inner) : true;
  }
  if (/^[0:]*:?0*1?$/.test(ip.replace(/^::/, '0::'))) return true; // :: and ::1
  const first = Number.parseInt(ip.split(':')[0] || '0', 16);
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xff00) === 0xff00 || // multicast
    (first === 0x2001 && ip.startsWith('2001:db8')) // documentation
  );
}

const isIpLiteral = (host: string): boolean => v4(host) !== null || host.startsWith('[');

/** Checks what can be checked without DNS: scheme, credentials, and a literal or well-known local host. */
export function refuseTargetUrl(raw: string, policy: TargetPolicy): TargetRefusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid_url';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'invalid_url';
  if (policy.requireHttps && url.protocol !== 'https:') return 'https_required';
  if (url.username || url.password) return 'credentials_in_url';
  if (policy.allowPrivate) return null;
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) {
    return 'private_address';
  }
  if (isIpLiteral(host) && isPrivateAddress(host)) return 'private_address';
  return null;
}
