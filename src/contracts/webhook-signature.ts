/**
 * The webhook signature scheme, for the platform and for receivers (pure; Web Crypto only, so it runs in Node 20+,
 * Deno, Bun, workers and browsers alike).
 *
 * Every delivery carries `X-Beian-Timestamp` (unix seconds) and `X-Beian-Signature: v1=<hex>`, where <hex> is
 * HMAC-SHA256 keyed with the subscription's secret over `${timestamp}.${rawBody}` (the body exactly as received,
 * before any JSON parsing). Receivers recompute it, compare in constant time and reject a timestamp more than
 * 5 minutes away from their clock, so a captured delivery cannot be replayed later.
 */
export const WEBHOOK_HEADERS = {
  event: 'x-beian-event',
  delivery: 'x-beian-delivery',
  timestamp: 'x-beian-timestamp',
  signature: 'x-beian-signature',
} as const;

/** How far a delivery's timestamp may be from the receiver's clock, either way. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const encoder = new TextEncoder();

const hex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** `v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`. */
export async function signWebhook(secret: string, timestampSeconds: number, rawBody: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestampSeconds}.${rawBody}`));
  return `v1=${hex(mac)}`;
}

export type WebhookVerification = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/** Constant-time for equal lengths; the lengths of two well-formed signatures are always equal. */
const sameText = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
};

/**
 * What a receiver runs on every delivery before trusting it. `signatureHeader` may list several `v1=` values
 * separated by commas (room for a secret rotation); one match is enough.
 */
export async function verifyWebhookSignature(input: {
  secret: string;
  rawBody: string;
  timestampHeader: string | null | undefined;
  signatureHeader: string | null | undefined;
  /** The receiver's clock, unix seconds (defaults to now). */
  nowSeconds?: number;
  toleranceSeconds?: number;
}): Promise<WebhookVerification> {
  const { timestampHeader, signatureHeader } = input;
  if (!timestampHeader || !signatureHeader) return { ok: false, reason: 'missing' };
  const given = signatureHeader.split(',').map((s) => s.trim());
  if (!/^\d{1,12}$/.test(timestampHeader) || !given.every((s) => /^v1=[0-9a-f]{64}$/.test(s))) {
    return { ok: false, reason: 'malformed' };
  }
  const timestamp = Number(timestampHeader);
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) {
    return { ok: false, reason: 'stale' };
  }
  const expected = await signWebhook(input.secret, timestamp, input.rawBody);
  return given.some((s) => sameText(s, expected)) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
