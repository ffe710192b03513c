import { describe, expect, it } from 'vitest';
import {
  AUTH_CODE_STATES,
  type AuthCodeEvent,
  type AuthCodeState,
  addMonthsUtc,
  CODE_ALPHABET,
  CODE_PATTERN,
  type CodeSnapshot,
  codeExpiry,
  displayState,
  generateCode,
  isResourceEligible,
  nextCodeState,
  normalizeCode,
  reserveRefusal,
  resourceEligibility,
} from './authorization-code.ts';
import type { Resource } from './ports/resource-inventory.ts';

const NOW = new Date('2026-11-28T02:00:00Z');

const resource = (over: Partial<Resource> = {}): Resource => ({
  id: 'i-1',
  accountId: 'acc',
  kind: 'server',
  name: 'web-01',
  region: 'cn-north-1',
  publicIps: ['203.0.113.10'],
  billingType: 'prepaid',
  status: 'running',
  expiresAt: addMonthsUtc(NOW, 11),
  ...over,
});

describe('resource eligibility (T13)', () => {
  it('accepts a prepaid server with 11 months left and a public IP', () => {
    expect(resourceEligibility(resource(), NOW)).toEqual({ eligible: true });
  });

  it('refuses a prepaid server with only 2 months left', () => {
    const r = resource({ expiresAt: addMonthsUtc(NOW, 2) });
    expect(resourceEligibility(r, NOW)).toEqual({ eligible: false, reason: 'expires_within_3_months' });
  });

  it('needs strictly more than 3 months: exactly 3 months is refused, 3 months + 1 ms accepted', () => {
    const three = addMonthsUtc(NOW, 3);
    expect(isResourceEligible(resource({ expiresAt: three }), NOW)).toBe(false);
    expect(isResourceEligible(resource({ expiresAt: new Date(three.getTime() + 1) }), NOW)).toBe(true);
  });

  it('refuses pay-as-you-go whatever its term', () => {
    const r = resource({ billingType: 'pay_as_you_go', expiresAt: addMonthsUtc(NOW, 120) });
    expect(resourceEligibility(r, NOW)).toEqual({ eligible: false, reason: 'pay_as_you_go' });
  });

  it('refuses a server without a public IP', () => {
    expect(resourceEligibility(resource({ publicIps: [] }), NOW)).toEqual({ eligible: false, reason: 'no_public_ip' });
  });

  it('accepts a yearly site-builder plan with its serving IP', () => {
    expect(isResourceEligible(resource({ kind: 'site_builder', expiresAt: addMonthsUtc(NOW, 12) }), NOW)).toBe(true);
  });
});

describe('calendar arithmetic', () => {
  it('clamps month ends: 30 Nov + 3 months = 28 Feb (29 Feb in a leap year)', () => {
    expect(addMonthsUtc(new Date('2026-11-30T10:00:00Z'), 3).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(addMonthsUtc(new Date('2027-11-30T10:00:00Z'), 3).toISOString()).toBe('2028-02-29T10:00:00.000Z');
  });

  it('a code is valid one calendar year from issue', () => {
    expect(codeExpiry(NOW).toISOString()).toBe('2027-11-28T02:00:00.000Z');
    expect(codeExpiry(new Date('2028-02-29T00:00:00Z')).toISOString()).toBe('2029-03-01T00:00:00.000Z');
  });
});

describe('code format', () => {
  const seq = (bytes: number[]) => {
    let i = 0;
    return (n: number) => Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length]!);
  };

  it('is 16 characters from the unambiguous alphabet', () => {
    const real = (n: number) => crypto.getRandomValues(new Uint8Array(n));
    for (let i = 0; i < 200; i++) expect(generateCode(real)).toMatch(CODE_PATTERN);
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('skips bytes that would bias the alphabet', () => {
    // 248..255 are rejected; 0 → '2', 30 → 'Z', 31 → '2' again.
    expect(generateCode(seq([255, 248, 0, 30, 31]))).toBe('2Z22Z22Z22Z22Z22');
  });

  it('normalises pasted codes', () => {
    expect(normalizeCode(' abcd-efgh jkmn-pqrs ')).toBe('ABCDEFGHJKMNPQRS');
  });
});

describe('state transitions (§3.6)', () => {
  const before = { expiresAt: codeExpiry(NOW), now: NOW };
  const after = { expiresAt: NOW, now: new Date(NOW.getTime() + 1) };
  const table: Array<[AuthCodeState, AuthCodeEvent, AuthCodeState | null, AuthCodeState | null]> = [
    // state, event, next before expiry, next after expiry
    ['unused', 'reserve', 'in_filing', null],
    ['unused', 'release', null, null],
    ['unused', 'consume', null, null],
    ['unused', 'invalidate', 'invalid', 'invalid'],
    ['unused', 'expire', null, 'invalid'],
    ['in_filing', 'reserve', null, null],
    ['in_filing', 'release', 'unused', 'invalid'],
    ['in_filing', 'consume', 'used', 'used'],
    ['in_filing', 'invalidate', 'invalid', 'invalid'],
    ['in_filing', 'expire', null, null],
  ];
  it.each(table)('%s + %s → %s (after expiry: %s)', (state, event, beforeNext, afterNext) => {
    expect(nextCodeState(state, event, before)).toBe(beforeNext);
    expect(nextCodeState(state, event, after)).toBe(afterNext);
  });

  it('used and invalid are terminal', () => {
    for (const state of ['used', 'invalid'] as const) {
      for (const event of ['reserve', 'release', 'consume', 'invalidate', 'expire'] as const) {
        expect(nextCodeState(state, event, before)).toBeNull();
        expect(nextCodeState(state, event, after)).toBeNull();
      }
    }
    expect(AUTH_CODE_STATES).toHaveLength(4);
  });
});

describe('reserveRefusal', () => {
  const code = (over: Partial<CodeSnapshot> = {}): CodeSnapshot => ({
    state: 'unused',
    accountId: 'acc',
    orderId: null,
    expiresAt: codeExpiry(NOW),
    ...over,
  });
  const by = { orderId: 'order-a', accountId: 'acc', now: NOW };

  it('accepts an unused, unexpired code of the account', () => expect(reserveRefusal(code(), by)).toBeNull());
  it('accepts a code the same order already holds, even past its date', () => {
    expect(reserveRefusal(code({ state: 'in_filing', orderId: 'order-a', expiresAt: NOW }), by)).toBeNull();
  });
  it('refuses a code another order holds', () => {
    expect(reserveRefusal(code({ state: 'in_filing', orderId: 'order-b' }), by)).toBe('AUTH_CODE_IN_USE');
  });
  it('refuses a used code, also to other accounts', () => {
    expect(reserveRefusal(code({ state: 'used', orderId: 'order-b' }), by)).toBe('AUTH_CODE_IN_USE');
    expect(reserveRefusal(code({ state: 'used', accountId: 'other' }), by)).toBe('AUTH_CODE_IN_USE');
  });
  it('refuses invalid and expired codes', () => {
    expect(reserveRefusal(code({ state: 'invalid' }), by)).toBe('AUTH_CODE_INVALID');
    expect(reserveRefusal(code({ expiresAt: NOW }), by)).toBe('AUTH_CODE_INVALID');
  });
  it("accepts another account's unused code: the resource owner may hand it to another subject", () => {
    expect(reserveRefusal(code({ accountId: 'other' }), by)).toBeNull();
  });
});

describe('displayState', () => {
  it('shows an unused code past its date as invalid before the sweeper gets to it', () => {
    expect(displayState('unused', NOW, NOW)).toBe('invalid');
    expect(displayState('unused', codeExpiry(NOW), NOW)).toBe('unused');
    expect(displayState('in_filing', NOW, NOW)).toBe('in_filing');
  });
});
