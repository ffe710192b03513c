/**
 * VAL-1 / VAL-3 property tests for the MOD 11-2 family. Check characters are computed here from the
 * spec's formula (weights 2^(17-i) mod 11, check (12 - S mod 11) mod 11), independently of check-digits.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../province/provinces.ts';
import { validateForeignPrCard, validateResidencePermit } from './residence-permit.ts';
import { validateResidentId } from './resident-id.ts';

const numRuns = Number(process.env.FC_RUNS ?? 2000);
// Scales with FC_RUNS so a nightly run with a million cases is not cut off by the default 5 s.
const timeout = 10_000 + numRuns * 10;
const TODAY = new Date('2026-01-01T00:00:00Z');

function withCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return body17 + (check === 10 ? 'X' : String(check));
}

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const birthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));

const residentIds = fc
  .tuple(fc.constantFrom(...PROVINCES.map((p) => p.residentIdPrefix)), digits(4), birthDate, digits(3))
  .map((parts) => withCheck(parts.join('')));
const residencePermits = fc
  .tuple(fc.constantFrom('810000', '820000', '830000'), birthDate, digits(3))
  .map((parts) => withCheck(parts.join('')));
const prCards2023 = digits(16).map((rest) => withCheck(`9${rest}`));

/** Every single-character substitution over `alphabet` and every adjacent transposition that changes the value. */
function mutants(value: string, alphabet: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    for (const c of alphabet) if (c !== value[i]) out.push(value.slice(0, i) + c + value.slice(i + 1));
  }
  for (let i = 0; i + 1 < value.length; i++) {
    if (value[i] !== value[i + 1]) out.push(value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2));
  }
  return out;
}

const cases = [
  { name: 'resident ID', goal: 'VAL-1', arb: residentIds, validate: (v: string) => validateResidentId(v, TODAY) },
  {
    name: 'residence permit',
    goal: 'VAL-3',
    arb: residencePermits,
    validate: (v: string) => validateResidencePermit(v, TODAY),
  },
  { name: '2023 foreign PR card', goal: 'VAL-3', arb: prCards2023, validate: validateForeignPrCard },
];

describe.each(cases)('$goal $name (MOD 11-2) properties', ({ arb, validate }) => {
  it('accepts every generated valid number', { timeout }, () => {
    fc.assert(
      fc.property(arb, (value) => {
        expect(validate(value)).toMatchObject({ valid: true, normalized: value, errors: [] });
      }),
      { numRuns },
    );
  });

  it('rejects every single-character substitution and adjacent transposition (0 escapes)', { timeout }, () => {
    fc.assert(
      fc.property(arb, (value) => {
        const escapes = mutants(value, '0123456789X').filter((m) => validate(m).valid);
        expect(escapes).toEqual([]);
      }),
      { numRuns },
    );
  });
});
