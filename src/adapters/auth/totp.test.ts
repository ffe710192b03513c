import { describe, expect, it } from 'vitest';
import { matchTotpStep, newTotpSecret, totpCodeAt, totpStepAt, totpUri } from './totp.ts';

// RFC 6238 appendix B's SHA-1 key ("12345678901234567890"), in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totp', () => {
  it('computes the RFC 6238 test vectors (last 6 digits)', () => {
    expect(totpCodeAt(RFC_SECRET, new Date(59_000))).toBe('287082');
    expect(totpCodeAt(RFC_SECRET, new Date(1_111_111_109_000))).toBe('081804');
  });

  it('accepts a code of the step before, now and after, and names its step', () => {
    const now = new Date('2026-03-01T08:00:10Z');
    const step = totpStepAt(now);
    for (const offset of [-1, 0, 1]) {
      const code = totpCodeAt(RFC_SECRET, new Date(now.getTime() + offset * 30_000));
      expect(matchTotpStep(RFC_SECRET, code, now)).toBe(step + offset);
    }
    expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, new Date(now.getTime() + 60_000)), now)).toBeNull();
    expect(matchTotpStep(RFC_SECRET, '12345', now)).toBeNull();
    expect(matchTotpStep(RFC_SECRET, 'abcdef', now)).toBeNull();
  });

  it('makes 160-bit secrets and an otpauth URI any app reads', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, 'rev@example.com'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/beian:rev@example.com');
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({
      issuer: 'beian',
      secret,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
