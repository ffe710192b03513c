/**
 * Every public function takes any string without throwing (empty, huge, control characters, lone
 * surrogates), and every result keeps the contract: valid iff no errors, normalized only when valid,
 * stable codes prefixed by their kind, and normalisation is idempotent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERSON_ID_TYPES, SUBJECT_CERTIFICATE_TYPES } from '../filing-data.ts';
import {
  ageOn,
  formatIcpNumber,
  isPublicIp,
  isValidForMoreThanMonths,
  normalizeInput,
  residentIdInfo,
  VALIDATOR_KINDS,
  VALIDATORS,
  type ValidationResult,
  validatePersonId,
  validatePhone,
  validateResidentId,
  validateSubjectCertificate,
} from './index.ts';

const numRuns = Number(process.env.FC_RUNS ?? 2000);
// Scales with FC_RUNS so a nightly run with a million cases is not cut off by the default 5 s.
const timeout = 10_000 + numRuns * 10;

// Raw UTF-16 code units (lone surrogates included) and an alphabet that reaches deeper into the validators.
const codeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});
const nearMisses = fc.string({
  unit: fc.constantFrom(...'0123456789XxHM-+. @:/*[]_%京粤蜀ICP备号中文ＩＣＰ１２Ｘ－。\u0000\u200B\uD800\uDC00'),
  maxLength: 30,
});
const anyInput = fc.oneof(codeUnits, nearMisses, fc.string({ unit: 'binary', maxLength: 80 }));
const TODAY = new Date('2026-01-01T00:00:00Z');

const HUGE = [
  'x'.repeat(1_000_000),
  '1'.repeat(1_000_000),
  '中'.repeat(300_000),
  '\u0000'.repeat(100_000),
  '\uD800'.repeat(50_000),
  // Long inner runs of blanks between non-ASCII characters: the shape that makes end-anchored trims quadratic.
  `ä${' '.repeat(200_000)}b`,
  `中${'\u200B'.repeat(200_000)}中`,
];

function expectContract(result: ValidationResult<unknown>, prefix: RegExp): void {
  expect(result.valid).toBe(result.errors.length === 0);
  expect(result.normalized === null).toBe(!result.valid);
  for (const i of [...result.errors, ...result.warnings]) {
    expect(i.code).toMatch(prefix);
    expect(i.message.length).toBeGreaterThan(0);
  }
}

describe('robustness of VALIDATORS (VAL-1..VAL-6)', () => {
  it.each(VALIDATOR_KINDS)('%s: never throws, keeps the result contract, is idempotent', { timeout }, (kind) => {
    const validate = VALIDATORS[kind];
    const prefix = new RegExp(`^${kind.toUpperCase().replaceAll('-', '_')}_[A-Z0-9_]+$`);
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = validate(input, TODAY);
        expectContract(result, prefix);
        if (result.valid) expect(validate(result.normalized!, TODAY).normalized).toBe(result.normalized);
      }),
      { numRuns: Math.ceil(numRuns / 4) },
    );
    for (const huge of HUGE) expectContract(validate(huge, TODAY), prefix);
  });
});

describe('robustness of the other exports', () => {
  it('never throw on arbitrary input', { timeout }, () => {
    const dates = fc.oneof(fc.date(), fc.constant(new Date(Number.NaN)));
    fc.assert(
      fc.property(anyInput, dates, fc.integer({ min: -1000, max: 1000 }), (input, date, months) => {
        expect(typeof normalizeInput(input)).toBe('string');
        expectContract(validateResidentId(input, date), /^RESIDENT_ID_/);
        expectContract(validatePhone(input), /^PHONE_/);
        expect(typeof isPublicIp(input)).toBe('boolean');
        residentIdInfo(input, date);
        expect(typeof ageOn(input, date)).toBe('number');
        expect(typeof isValidForMoreThanMonths(input, date, months)).toBe('boolean');
        formatIcpNumber({ prefix: input, serial: input });
        for (const type of PERSON_ID_TYPES) expectContract(validatePersonId(type, input, date), /^[A-Z][A-Z0-9_]+$/);
        for (const type of SUBJECT_CERTIFICATE_TYPES) {
          expectContract(validateSubjectCertificate(type, input, date), /^[A-Z][A-Z0-9_]+$/);
        }
      }),
      { numRuns: Math.ceil(numRuns / 4) },
    );
  });

  it('handle huge input quickly', () => {
    const started = performance.now();
    for (const huge of HUGE) {
      normalizeInput(huge);
      validatePhone(huge);
      isPublicIp(huge);
      residentIdInfo(huge, TODAY);
      validateSubjectCertificate('other', huge, TODAY);
      isValidForMoreThanMonths(huge, new Date(0));
    }
    // Generous for a loaded CI box; a quadratic path takes minutes on these sizes, not seconds.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
