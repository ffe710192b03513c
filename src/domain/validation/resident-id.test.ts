import { describe, expect, it } from 'vitest';
import { residentIdInfo, validateResidentId } from './resident-id.ts';

const TODAY = new Date('2026-01-01T00:00:00Z');
const codes = (v: string, today = TODAY) => validateResidentId(v, today).errors.map((e) => e.code);

describe('VAL-1 resident ID: published vectors', () => {
  it.each([
    '11010519491231002X', // GB 11643 example
    '360426199101010071', // python-stdnum
    '44011320141005001X',
    '120103198806018241',
  ])('accepts %s', (id) => {
    expect(validateResidentId(id, TODAY)).toMatchObject({ valid: true, normalized: id, errors: [] });
  });

  it('accepts the checksum of the other GB 11643 example but refuses its 1880 birth date (year >= 1900 rule)', () => {
    expect(codes('440524188001010014')).toEqual(['RESIDENT_ID_BIRTH_DATE']);
  });

  it.each([
    ['36042619910102009X', 'RESIDENT_ID_CHECKSUM'],
    ['360426199113010079', 'RESIDENT_ID_BIRTH_DATE'],
    ['T60426199101010078', 'RESIDENT_ID_FORMAT'],
    // "Unknown region" in stdnum; a leading 9 is the 2023 PR card, which this validator names explicitly.
    ['990426199112010074', 'RESIDENT_ID_PR_CARD'],
  ])('rejects %s with %s', (id, code) => {
    expect(codes(id)).toContain(code);
  });
});

describe('VAL-1 resident ID: normalisation', () => {
  it('upper-cases a trailing x', () => {
    expect(validateResidentId('44011320141005001x', TODAY).normalized).toBe('44011320141005001X');
  });

  it.each(['110105-19491231-002X', '110105－19491231－002x', '110105 - 19491231 - 002X', '110105‐19491231‐002X'])(
    'drops grouping hyphens like spaces (%s)',
    (v) => {
      expect(validateResidentId(v, TODAY).normalized).toBe('11010519491231002X');
    },
  );

  it('folds full-width digits and Ｘ, surrounding blanks and grouping spaces', () => {
    expect(validateResidentId('１１０１０５１９４９１２３１００２Ｘ', TODAY).normalized).toBe('11010519491231002X');
    expect(validateResidentId('  110105 19491231 002x\u200B ', TODAY).normalized).toBe('11010519491231002X');
  });
});

describe('VAL-1 resident ID: rejections', () => {
  it('rejects 15-digit first-generation numbers with a specific error', () => {
    expect(codes('110105491231002')).toEqual(['RESIDENT_ID_FIRST_GENERATION']);
  });

  it.each(['', '   '])('asks for a value when empty (%j)', (v) => {
    expect(codes(v)).toEqual(['RESIDENT_ID_EMPTY']);
  });

  it.each(['1101051949123100', '11010519491231002XX', '1101051949123100X2', '11010519491231002Y'])(
    'rejects the malformed %s',
    (v) => {
      expect(codes(v)).toEqual(['RESIDENT_ID_FORMAT']);
    },
  );

  it.each([
    ['810000199001011230', 'RESIDENT_ID_RESIDENCE_PERMIT'],
    ['820000199001010010', 'RESIDENT_ID_RESIDENCE_PERMIT'],
    ['830000199001010012', 'RESIDENT_ID_RESIDENCE_PERMIT'],
    ['911234199001010018', 'RESIDENT_ID_PR_CARD'],
  ])('refuses %s, which belongs to another document type', (v, code) => {
    expect(codes(v)).toEqual([code]);
  });

  // Synthetic numbers with a correct check character, so only the region is wrong.
  it.each(['100105199001010019', '710105199001010012', '660105199001010018', '000105199001010015'])(
    'rejects %s whose region is not a mainland province',
    (v) => {
      expect(codes(v)).toEqual(['RESIDENT_ID_REGION']);
    },
  );

  it('rejects impossible dates, including 29 February of a common year', () => {
    expect(codes('110105190002290017')).toContain('RESIDENT_ID_BIRTH_DATE');
    expect(codes('110105200002290013')).toEqual([]);
  });

  it('rejects birth dates before 1900', () => {
    expect(codes('110105189912310015')).toEqual(['RESIDENT_ID_BIRTH_DATE']);
  });

  it('checks the future against the date it is given, on the Shanghai calendar', () => {
    const born = '110105202501020017'; // born 2025-01-02
    expect(codes(born)).toEqual([]);
    expect(codes(born, new Date('2025-01-01T15:59:59Z'))).toEqual(['RESIDENT_ID_BIRTH_DATE']);
    expect(codes(born, new Date('2025-01-01T16:00:00Z'))).toEqual([]); // already 2025-01-02 in Shanghai
  });

  it('refuses a birth date in the future (issue 6: 2099 was accepted without a date)', () => {
    expect(codes('110105209912310029')).toEqual(['RESIDENT_ID_BIRTH_DATE']);
    expect(residentIdInfo('110105209912310029', TODAY)).toBeNull();
  });

  it('fails closed on an unusable date instead of skipping the future check', () => {
    expect(codes('11010519491231002X', new Date(Number.NaN))).toEqual(['RESIDENT_ID_BIRTH_DATE']);
  });

  it('reports independent problems together', () => {
    expect(codes('710105199013010012')).toEqual([
      'RESIDENT_ID_REGION',
      'RESIDENT_ID_BIRTH_DATE',
      'RESIDENT_ID_CHECKSUM',
    ]);
  });
});

describe('VAL-7 resident ID facts for cross-field checks', () => {
  it('returns birth date, region, province and sex', () => {
    expect(validateResidentId('11010519491231002X', TODAY).info).toEqual({
      birthDate: '1949-12-31',
      regionCode: '110105',
      provinceCode: 'beijing',
      sex: 'F',
    });
    expect(residentIdInfo('360426199101010071', TODAY)).toMatchObject({
      birthDate: '1991-01-01',
      provinceCode: 'jiangxi',
      sex: 'M',
    });
  });

  it('reads residence permits too, without a province', () => {
    expect(residentIdInfo('810000199001011230', TODAY)).toEqual({
      birthDate: '1990-01-01',
      regionCode: '810000',
      sex: 'M',
    });
  });

  it('returns null for anything not valid', () => {
    expect(residentIdInfo('36042619910102009X', TODAY)).toBeNull();
    expect(residentIdInfo('911234199001010018', TODAY)).toBeNull();
    expect(residentIdInfo('', TODAY)).toBeNull();
  });
});
