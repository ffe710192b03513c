/**
 * VAL-2 property tests for unified social credit codes (GB 32100) and organisation codes (GB 11714). Check
 * characters are computed here from the spec's formulas (USCC weights 3^i mod 31; org code weights
 * 3 7 9 10 5 8 4 2), independently of check-digits.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateOrgCode } from './org-code.ts';
import { validateUscc } from './uscc.ts';

const numRuns = Number(process.env.FC_RUNS ?? 2000);
// Scales with FC_RUNS so a nightly run with a million cases is not cut off by the default 5 s.
const timeout = 10_000 + numRuns * 10;
const USCC_SET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_SET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function orgCheck(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body8].reduce((s, c, i) => s + ORG_SET.indexOf(c) * weights[i]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

function usccCheck(body17: string): string {
  const sum = [...body17].reduce((s, c, i) => s + USCC_SET.indexOf(c) * (3 ** i % 31), 0);
  return USCC_SET[(31 - (sum % 31)) % 31]!;
}

const chars = (alphabet: string, length: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length });

// Authority, institution type and region digits, then an organisation code whose own check is right.
const usccHead = fc.tuple(fc.constantFrom(...'123456789ANY'), chars('123456789', 1), chars('0123456789', 6));
const usccs = fc.tuple(usccHead, chars(USCC_SET, 8)).map(([[authority, type, region], body]) => {
  const withOrg = `${authority}${type}${region}${body}${orgCheck(body)}`;
  return withOrg + usccCheck(withOrg);
});
const orgCodes = fc.oneof(chars('0123456789', 8), chars(ORG_SET, 8)).map((body) => `${body}-${orgCheck(body)}`);

function substitutions(value: string, alphabetAt: (i: number) => string): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    for (const c of alphabetAt(i)) if (c !== value[i]) out.push(value.slice(0, i) + c + value.slice(i + 1));
  }
  return out;
}

function transpositions(value: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < value.length; i++) {
    if (value[i] !== value[i + 1]) out.push(value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2));
  }
  return out;
}

describe('VAL-2 USCC properties', () => {
  it('accepts every generated valid code, without warnings', { timeout }, () => {
    fc.assert(
      fc.property(usccs, (code) => {
        expect(validateUscc(code)).toEqual({ valid: true, normalized: code, errors: [], warnings: [] });
      }),
      { numRuns },
    );
  });

  it('rejects every single-character substitution and adjacent transposition (0 escapes)', { timeout }, () => {
    fc.assert(
      fc.property(usccs, (code) => {
        const mutants = [...substitutions(code, () => USCC_SET), ...transpositions(code)];
        expect(mutants.filter((m) => validateUscc(m).valid)).toEqual([]);
      }),
      { numRuns },
    );
  });

  it('rejects any code whose first 17 characters contain I, O, Z, S or V', { timeout }, () => {
    const forbidden = fc
      .tuple(chars(USCC_SET, 17), fc.nat(16), fc.constantFrom(...'IOZSV'), fc.constantFrom(...USCC_SET))
      .map(([prefix, at, bad, check]) => `${prefix.slice(0, at)}${bad}${prefix.slice(at + 1)}${check}`);
    fc.assert(
      fc.property(forbidden, (code) => {
        expect(validateUscc(code).valid).toBe(false);
      }),
      { numRuns },
    );
  });

  it('accepts a valid check with a broken embedded organisation code, as a warning only', { timeout }, () => {
    fc.assert(
      fc.property(usccHead, chars('0123456789', 8), (head, body) => {
        const wrongOrgCheck = orgCheck(body) === '1' ? '2' : '1';
        const withOrg = `${head.join('')}${body}${wrongOrgCheck}`;
        const result = validateUscc(withOrg + usccCheck(withOrg));
        expect(result.valid).toBe(true);
        expect(result.warnings.map((w) => w.code)).toEqual(['USCC_ORG_CODE_MISMATCH']);
      }),
      { numRuns: Math.min(numRuns, 500) },
    );
  });
});

describe('VAL-2 organisation code properties', () => {
  it('accepts every generated valid code, with or without the hyphen', { timeout }, () => {
    fc.assert(
      fc.property(orgCodes, (code) => {
        expect(validateOrgCode(code)).toMatchObject({ valid: true, normalized: code });
        expect(validateOrgCode(code.replace('-', '')).normalized).toBe(code);
      }),
      { numRuns },
    );
  });

  // GB 11714 works modulo 11 over letters worth 10..35, so a letter can alias a digit (B, M, X count like 0).
  // Over the printed form XXXXXXXX-C with an all-digit body, every substitution and transposition is caught.
  it('rejects every digit substitution and adjacent transposition of a printed all-digit code (0 escapes)', {
    timeout,
  }, () => {
    const digitCodes = chars('0123456789', 8).map((body) => `${body}-${orgCheck(body)}`);
    fc.assert(
      fc.property(digitCodes, (code) => {
        const mutants = [
          ...substitutions(code, (i) => (i === 9 ? '0123456789X' : '0123456789-')),
          ...transpositions(code),
        ];
        expect(mutants.filter((m) => validateOrgCode(m).valid)).toEqual([]);
      }),
      { numRuns },
    );
  });

  // Without the hyphen one swap slips through: a body ending in 1 with check X becomes a body ending in the
  // letter X (33 = 0 mod 11) with check 1. The standard allows letters in the body, so no validator can see it.
  it('in the 9-character form, lets through only the 1X -> X1 swap the standard cannot detect', { timeout }, () => {
    const digitCodes = chars('0123456789', 8).map((body) => `${body}${orgCheck(body)}`);
    fc.assert(
      fc.property(digitCodes, (code) => {
        const mutants = [
          ...substitutions(code, (i) => (i === 8 ? '0123456789X' : '0123456789')),
          ...transpositions(code),
        ];
        const escapes = mutants.filter((m) => validateOrgCode(m).valid);
        expect(escapes).toEqual(code.endsWith('1X') ? [`${code.slice(0, 7)}X1`] : []);
      }),
      { numRuns },
    );
  });

  it('documents the letter aliasing the standard cannot detect', () => {
    expect(validateOrgCode('60003734-1').valid).toBe(true);
    // '0' -> 'B' adds 11 x weight, a multiple of 11: the same check character, by construction.
    expect(validateOrgCode('6B003734-1').valid).toBe(true);
  });
});
