import { describe, expect, it } from 'vitest';
import { signCallback, verifyCallbackSignature } from './callback-signature.ts';

const secret = 'test-secret';
const body = '{"eventId":"e1","regulatorRef":"SIM1","orderId":"o","state":"approved","occurredAt":"x"}';
const check = (over: Partial<Parameters<typeof verifyCallbackSignature>[0]>) =>
  verifyCallbackSignature({
    secret,
    timestampHeader: '1000',
    signatureHeader: signCallback(secret, 1000, body),
    rawBody: body,
    nowSeconds: 1100,
    windowSeconds: 300,
    ...over,
  });

describe('callback signatures', () => {
  it('accepts a fresh, correctly signed body', () => expect(check({})).toEqual({ ok: true }));
  it('refuses a changed body, another secret, a missing or malformed header', () => {
    expect(check({ rawBody: `${body} ` })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ secret: 'other' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ signatureHeader: undefined })).toEqual({ ok: false, reason: 'missing' });
    expect(check({ signatureHeader: 'v1=zz' })).toEqual({ ok: false, reason: 'malformed' });
  });
  it('refuses replays outside the window in either direction, and a timestamp moved into the window', () => {
    expect(check({ nowSeconds: 1301 })).toEqual({ ok: false, reason: 'stale' });
    expect(check({ nowSeconds: 699 })).toEqual({ ok: false, reason: 'stale' });
    expect(check({ timestampHeader: '1200', nowSeconds: 1200 })).toEqual({ ok: false, reason: 'mismatch' });
  });
});
