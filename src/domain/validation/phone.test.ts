/** VAL-4: mainland mobiles per libphonenumber metadata, and contact phones. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateMobile, validatePhone } from './index.ts';

const numRuns = Number(process.env.FC_RUNS ?? 2000);
// Scales with FC_RUNS so a nightly run with a million cases is not cut off by the default 5 s.
const timeout = 10_000 + numRuns * 10;

// The CN mobile ranges of security-reliability.md §3.4, written out by hand as an oracle independent of the
// metadata: 1(?:[38]\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\d{8} plus 1610… and 17400–17405.
const ASSIGNED_3 = [
  ...'0123456789'.split('').flatMap((d) => [`13${d}`, `18${d}`]),
  '145',
  '147',
  ...'012356789'.split('').flatMap((d) => [`15${d}`, `19${d}`]),
  '162',
  '165',
  '166',
  '167',
  ...'01235678'.split('').map((d) => `17${d}`),
];
const UNASSIGNED_3 = Array.from({ length: 70 }, (_, i) => String(130 + i)).filter((p) => !ASSIGNED_3.includes(p));

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

describe('VAL-4 mobile: prefixes', () => {
  it('knows which 3-digit prefixes are assigned and which are not', () => {
    expect(UNASSIGNED_3).toEqual(expect.arrayContaining(['140', '154', '194', '141', '160', '174']));
    expect(ASSIGNED_3).toHaveLength(52);
  });

  it.each(ASSIGNED_3)('accepts 100%% of a synthetic set from prefix %s', (prefix) => {
    const numbers = fc.sample(digits(8), { seed: Number(prefix), numRuns: 40 }).map((rest) => prefix + rest);
    expect(numbers.filter((n) => !validateMobile(n).valid)).toEqual([]);
  });

  it.each(UNASSIGNED_3)('rejects numbers from the unassigned prefix %s', (prefix) => {
    const numbers = fc.sample(digits(8), { seed: Number(prefix), numRuns: 20 }).map((rest) => prefix + rest);
    // 1610… and 17400-17405 are the only assigned blocks inside otherwise unassigned prefixes.
    const candidates = numbers.filter((n) => !/^1610|^1740[0-5]/.test(n));
    expect(candidates.filter((n) => validateMobile(n).valid)).toEqual([]);
    expect(candidates.every((n) => validateMobile(n).errors[0]?.code === 'MOBILE_INVALID')).toBe(true);
  });

  it('accepts the assigned 4/5-digit blocks inside otherwise unassigned prefixes', () => {
    expect(validateMobile('16101234567').valid).toBe(true);
    expect(validateMobile('17405123456').valid).toBe(true);
    expect(validateMobile('17406123456').valid).toBe(false);
  });
});

describe('VAL-4 mobile: input forms', () => {
  it('normalises +86 / 0086 / 86 prefixes, spaces, hyphens and full-width digits to the same 11 digits', {
    timeout,
  }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...ASSIGNED_3), digits(8), (prefix, rest) => {
        const n = prefix + rest;
        const spaced = `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
        const forms = [
          n,
          `+86${n}`,
          `+86 ${spaced}`,
          `0086${n}`,
          `0086-${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
          `86${n}`,
          `(+86)${n}`,
          `＋８６ ${n}`,
          ` ${spaced} `,
        ];
        for (const form of forms) expect(validateMobile(form).normalized, form).toBe(n);
      }),
      { numRuns: Math.ceil(numRuns / 8) },
    );
  });

  it.each([
    ['', 'MOBILE_EMPTY'],
    ['1380013800', 'MOBILE_FORMAT'],
    ['138001380001', 'MOBILE_FORMAT'],
    ['23800138000', 'MOBILE_FORMAT'],
    ['138-0013-800O', 'MOBILE_FORMAT'],
    ['+85291234567', 'MOBILE_NOT_MAINLAND'],
    ['+1 415 555 0100', 'MOBILE_NOT_MAINLAND'],
    ['010-12345678', 'MOBILE_FORMAT'],
    ['14012345678', 'MOBILE_INVALID'],
    ['15412345678', 'MOBILE_INVALID'],
    ['19412345678', 'MOBILE_INVALID'],
  ])('rejects %j with %s', (v, code) => {
    expect(validateMobile(v).errors.map((e) => e.code)).toEqual([code]);
  });
});

describe('VAL-4 contact phone (mobile or fixed line)', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'],
    ['(010)12345678', '010-12345678'],
    ['+86 10 12345678', '010-12345678'],
    ['+86-755-12345678', '0755-12345678'],
    ['0086 (0)21 12345678', '021-12345678'],
    ['0755 12345678', '0755-12345678'],
    ['0571-87654321', '0571-87654321'],
    ['０２０－８７６５４３２１', '020-87654321'],
  ])('accepts %j as %s', (v, normalized) => {
    expect(validatePhone(v)).toMatchObject({ valid: true, normalized, errors: [], warnings: [] });
  });

  it('accepts a well-formed fixed line the metadata does not know, flagged for the reviewer', () => {
    expect(validatePhone('0755-1234567')).toMatchObject({
      valid: true,
      normalized: '0755-1234567',
      warnings: [{ code: 'PHONE_FIXED_LINE_UNVERIFIED' }],
    });
  });

  it.each([
    ['', 'PHONE_EMPTY'],
    ['12345678', 'PHONE_INVALID'], // no area code
    ['010-1234567', 'PHONE_INVALID'], // Beijing numbers have 8 digits
    ['010-02345678', 'PHONE_INVALID'],
    ['0755-123456', 'PHONE_INVALID'],
    ['0755-123456789', 'PHONE_INVALID'],
    ['14012345678', 'PHONE_INVALID'],
    ['+852 2123 4567', 'PHONE_NOT_MAINLAND'],
    ['010-1234567a', 'PHONE_INVALID'],
    ['010-12345678 转 123', 'PHONE_INVALID'],
  ])('rejects %j with %s', (v, code) => {
    expect(validatePhone(v).errors.map((e) => e.code)).toEqual([code]);
  });
});
