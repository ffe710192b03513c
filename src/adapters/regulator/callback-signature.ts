import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 over `${timestamp}.${rawBody}`; the timestamp is unix seconds, bound into the signature. */
export function signCallback(secret: string, timestampSeconds: number, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/**
 * Accepts a callback only with a valid signature made within the replay window (both directions of clock skew).
 * The comparison is constant-time.
 */
export function verifyCallbackSignature(input: {
  secret: string;
  timestampHeader: string | undefined;
  signatureHeader: string | undefined;
  rawBody: string;
  nowSeconds: number;
  windowSeconds: number;
}): SignatureCheck {
  const { timestampHeader, signatureHeader } = input;
  if (!timestampHeader || !signatureHeader) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestampHeader) || !/^v1=[0-9a-f]{64}$/.test(signatureHeader)) {
    return { ok: false, reason: 'malformed' };
  }
  const timestamp = Number(timestampHeader);
  if (Math.abs(input.nowSeconds - timestamp) > input.windowSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signCallback(input.secret, timestamp, input.rawBody));
  const given = Buffer.from(signatureHeader);
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}
