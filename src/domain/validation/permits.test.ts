/** VAL-3: permit and passport rules of security-reliability.md §3.3, on synthetic numbers only. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateHkMacauPermit, validatePassport, validateTaiwanPermit } from './permits.ts';
import { validateForeignPrCard, validateResidencePermit } from './residence-permit.ts';
import type { ValidationResult } from './types.ts';

const SEED = 20_240_611;
const TODAY = new Date('2026-01-01T00:00:00Z');
const sample = <T>(arb: fc.Arbitrary<T>, count: number): T[] => fc.sample(arb, { seed: SEED, numRuns: count });
const chars = (alphabet: string, min: number, max = min) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function withCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return body17 + (check === 10 ? 'X' : String(check));
}
/** Flips the check character to any other valid-looking one. */
const breakCheck = (id: string): string => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
const birthDate = fc
  .date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));

type Case = {
  name: string;
  validate: (v: string) => ValidationResult;
  positives: Array<string | [string, string]>; // value, or [input, normalised]
  negatives: string[];
};

const residencePermits = sample(
  fc
    .tuple(fc.constantFrom('810000', '820000', '830000'), birthDate, chars(DIGITS, 3))
    .map((p) => withCheck(p.join(''))),
  24,
);
const prCards2023 = sample(
  chars(DIGITS, 16).map((rest) => withCheck(`9${rest}`)),
  16,
);
const prCards2017 = sample(
  fc.tuple(chars(UPPER, 3), chars(DIGITS, 12)).map((p) => p.join('')),
  12,
);

const cases: Case[] = [
  {
    name: 'HK/Macau permit',
    validate: validateHkMacauPermit,
    positives: [
      ...sample(
        fc.tuple(fc.constantFrom('H', 'M'), chars(DIGITS, 8)).map((p) => p.join('')),
        20,
      ),
      ['h12345678', 'H12345678'],
      ['Ｍ１２３４５６７８', 'M12345678'],
      [' H 1234 5678 ', 'H12345678'],
      ['H1234567801', 'H12345678'],
      ['M8765432112', 'M87654321'],
    ],
    negatives: [
      ...sample(
        fc.tuple(fc.constantFrom('H', 'M'), chars(DIGITS, 1, 7)).map((p) => p.join('')),
        10,
      ),
      ...sample(
        fc.tuple(fc.constantFrom(...'ABCDEFGJKLNPQRSTUVWXYZ'), chars(DIGITS, 8)).map((p) => p.join('')),
        10,
      ),
      'H123456789',
      'M123456789012',
      '12345678',
      'HH12345678',
      'H1234567A',
      'H-12345678',
      'H12345678-01',
      'HM1234567',
      'H１２３４５６７',
      '港12345678',
      '',
    ],
  },
  {
    name: 'Taiwan permit',
    validate: validateTaiwanPermit,
    positives: [...sample(chars(DIGITS, 8), 20), ['０１２３４５６７', '01234567'], [' 1234 5678', '12345678']],
    negatives: [
      ...sample(chars(DIGITS, 1, 7), 8),
      ...sample(chars(DIGITS, 11, 14), 6),
      '123456789',
      '1234567890',
      '0123456789',
      'T1234567',
      '1234567A',
      '1234-5678',
      'TW12345678',
      '１２３４５６７',
      '',
    ],
  },
  {
    name: 'residence permit',
    validate: (v) => validateResidencePermit(v, TODAY),
    positives: [
      ...residencePermits,
      [` ${residencePermits[0]!.slice(0, 6)} ${residencePermits[0]!.slice(6)} `, residencePermits[0]!],
    ],
    negatives: [
      ...residencePermits.slice(0, 8).map(breakCheck),
      ...residencePermits.slice(8, 12).map((id) => withCheck(`84${id.slice(2, 17)}`)),
      ...residencePermits.slice(12, 16).map((id) => withCheck(`110000${id.slice(6, 17)}`)),
      withCheck('81000019901301001'), // month 13
      withCheck('82000018991231001'), // before 1900
      withCheck('83000020230229001'), // no 29 February in 2023
      withCheck('81000119900101001'), // 810001 is not the permit region code
      '81000019900101001',
      '8100001990010100123',
      '81000019900101001A',
      '',
    ],
  },
  {
    name: 'foreign PR card',
    validate: validateForeignPrCard,
    positives: [...prCards2023, ...prCards2017, ['usa123456789012', 'USA123456789012']],
    negatives: [
      ...prCards2023.slice(0, 8).map(breakCheck),
      ...prCards2023.slice(8, 12).map((id) => withCheck(`8${id.slice(1, 17)}`)),
      ...prCards2017.slice(0, 4).map((id) => id.slice(1)),
      ...prCards2017.slice(4, 8).map((id) => `${id}0`),
      'US123456789012',
      'USAA23456789012',
      '123456789012345',
      'USA12345678901A',
      '9123456789012345',
      '',
    ],
  },
  {
    name: 'passport',
    validate: validatePassport,
    positives: [
      ...sample(chars(`${UPPER}${DIGITS}`, 5, 17), 20),
      ['e12345678', 'E12345678'],
      ['Ｇ１２３４５６７８', 'G12345678'],
      ['AB 123 4567', 'AB1234567'],
    ],
    negatives: [
      ...sample(chars(`${UPPER}${DIGITS}`, 1, 4), 8),
      ...sample(chars(`${UPPER}${DIGITS}`, 18, 30), 8),
      'E1234567<',
      'E-1234567',
      'E12345.67',
      '护照1234567',
      'P/1234567',
      'ÄB12345',
      '',
    ],
  },
];

describe.each(cases)('VAL-3 $name', ({ validate, positives, negatives }) => {
  it('has at least 20 positive and 20 negative synthetic vectors', () => {
    expect(positives.length).toBeGreaterThanOrEqual(20);
    expect(negatives.length).toBeGreaterThanOrEqual(20);
  });

  it('accepts every positive vector and stores its normalised form', () => {
    for (const p of positives) {
      const [input, normalized] = typeof p === 'string' ? [p, p] : p;
      expect(validate(input), input).toMatchObject({ valid: true, normalized, errors: [] });
    }
  });

  it('rejects every negative vector with a coded error', () => {
    for (const n of negatives) {
      const result = validate(n);
      expect(result.valid, n).toBe(false);
      expect(result.normalized).toBeNull();
      expect(result.errors[0]?.code, n).toMatch(/^[A-Z][A-Z_]+$/);
    }
  });
});

describe('VAL-3 specific messages', () => {
  it('keeps the HK/Macau lifelong number and reports the dropped renewal count', () => {
    expect(validateHkMacauPermit('H1234567801')).toMatchObject({
      normalized: 'H12345678',
      warnings: [{ code: 'HK_MACAU_PERMIT_RENEWAL_COUNT' }],
    });
  });

  it('names the expired 10-digit Taiwan booklet numbers', () => {
    expect(validateTaiwanPermit('1234567890').errors[0]?.code).toBe('TAIWAN_PERMIT_OLD_FORMAT');
  });

  it('separates a wrong region from a wrong check on residence permits', () => {
    expect(validateResidencePermit(withCheck('11000019900101001'), TODAY).errors[0]?.code).toBe(
      'RESIDENCE_PERMIT_REGION',
    );
    expect(validateResidencePermit(breakCheck(residencePermits[0]!), TODAY).errors[0]?.code).toBe(
      'RESIDENCE_PERMIT_CHECKSUM',
    );
  });

  it('checks a residence permit birth date against the given day', () => {
    const born2025 = withCheck('81000020250601001');
    expect(validateResidencePermit(born2025, new Date('2025-06-01T00:00:00Z')).valid).toBe(true);
    expect(validateResidencePermit(born2025, new Date('2025-05-31T00:00:00Z')).errors[0]?.code).toBe(
      'RESIDENCE_PERMIT_BIRTH_DATE',
    );
  });

  it('normalises hyphens typed inside a residence permit or PR card like spaces', () => {
    const permit = residencePermits[0]!;
    const hyphenated = `${permit.slice(0, 6)}-${permit.slice(6, 14)}-${permit.slice(14)}`;
    expect(validateResidencePermit(hyphenated, TODAY).normalized).toBe(permit);
    const card = prCards2023[0]!;
    expect(validateForeignPrCard(`${card.slice(0, 6)}－${card.slice(6)}`).normalized).toBe(card);
  });

  it('reports the PR card check character', () => {
    expect(validateForeignPrCard(breakCheck(prCards2023[0]!)).errors[0]?.code).toBe('FOREIGN_PR_CARD_CHECKSUM');
  });
});
