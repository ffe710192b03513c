import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.ts';

const secret = 'whsec_test_secret';
const body = '{"type":"order.state_changed"}';
const ts = 1767225600; // 2026-01-01T00:00:00Z

describe('webhook signature', () => {
  it('matches a known vector (computed independently with node:crypto)', async () => {
    const known = 'v1=ffcea0e258ad66cf2395b77a219bd643531d4c405806f1af9201d2bbc2338cf3';
    expect(await signWebhook(secret, ts, body)).toBe(known);
    expect(`v1=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`).toBe(known);
  });

  it('accepts a fresh, untampered delivery', async () => {
    const signatureHeader = await signWebhook(secret, ts, body);
    expect(
      await verifyWebhookSignature({
        secret,
        rawBody: body,
        timestampHeader: String(ts),
        signatureHeader,
        nowSeconds: ts + 299,
      }),
    ).toEqual({ ok: true });
  });

  it('rejects a tampered body, a tampered timestamp and the wrong secret', async () => {
    const signatureHeader = await signWebhook(secret, ts, body);
    const check = (over: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
      verifyWebhookSignature({
        secret,
        rawBody: body,
        timestampHeader: String(ts),
        signatureHeader,
        nowSeconds: ts,
        ...over,
      });
    expect(await check({ rawBody: body.replace('state_changed', 'rejected') })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(await check({ timestampHeader: String(ts + 1), nowSeconds: ts + 1 })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(await check({ secret: 'whsec_other' })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rejects a timestamp older (or newer) than 5 minutes even when the signature is right', async () => {
    const signatureHeader = await signWebhook(secret, ts, body);
    const at = (nowSeconds: number) =>
      verifyWebhookSignature({ secret, rawBody: body, timestampHeader: String(ts), signatureHeader, nowSeconds });
    expect(await at(ts + 301)).toEqual({ ok: false, reason: 'stale' });
    expect(await at(ts - 301)).toEqual({ ok: false, reason: 'stale' });
  });

  it('rejects missing and malformed headers', async () => {
    const base = { secret, rawBody: body, nowSeconds: ts };
    expect(await verifyWebhookSignature({ ...base, timestampHeader: String(ts), signatureHeader: undefined })).toEqual({
      ok: false,
      reason: 'missing',
    });
    expect(await verifyWebhookSignature({ ...base, timestampHeader: 'yesterday', signatureHeader: 'v1=00' })).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('accepts one matching value among several (secret rotation)', async () => {
    const good = await signWebhook(secret, ts, body);
    const other = await signWebhook('whsec_old', ts, body);
    expect(
      await verifyWebhookSignature({
        ...{ secret, rawBody: body, nowSeconds: ts },
        timestampHeader: String(ts),
        signatureHeader: `${other}, ${good}`,
      }),
    ).toEqual({ ok: true });
  });
});
