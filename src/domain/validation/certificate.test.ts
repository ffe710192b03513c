/** VAL-7: the declared certificate type decides which rule applies. */
import { describe, expect, it } from 'vitest';
import { PERSON_ID_TYPES, SUBJECT_CERTIFICATE_TYPES, type SubjectCertificateType } from '../filing-data.ts';
import { validatePersonId, validateSubjectCertificate } from './certificate.ts';

const TODAY = new Date('2026-01-01T00:00:00Z');

// One synthetic, valid number per person certificate type.
const PERSON_SAMPLES = {
  resident_id: '11010519491231002X',
  passport: 'E12345678',
  hk_macau_permit: 'H12345678',
  taiwan_permit: '12345678',
  residence_permit: '810000199001011230',
  foreign_pr_card: '911234199001010018',
} as const;

describe('VAL-7 person certificate dispatch', () => {
  it('has a sample for every person certificate type', () => {
    expect(Object.keys(PERSON_SAMPLES).sort()).toEqual([...PERSON_ID_TYPES].sort());
  });

  // Each sample is valid for its own type only (the type, not the digits, decides), except that the
  // shape-only passport rule also fits the 8- and 9-character permit numbers.
  const passportShaped = (v: string) => /^[A-Z0-9]{5,17}$/.test(v);
  const matrix = PERSON_ID_TYPES.flatMap((type) =>
    PERSON_ID_TYPES.map((sampleOf) => {
      const expected = type === sampleOf || (type === 'passport' && passportShaped(PERSON_SAMPLES[sampleOf]));
      return [type, sampleOf, expected] as const;
    }),
  );
  it.each(matrix)('type %s, number of %s: valid = %s', (type, sampleOf, expected) => {
    expect(validatePersonId(type, PERSON_SAMPLES[sampleOf], TODAY).valid).toBe(expected);
  });

  it('keeps the specific error of the dispatched validator and drops type-specific info', () => {
    expect(validatePersonId('resident_id', '810000199001011230', TODAY).errors[0]?.code).toBe(
      'RESIDENT_ID_RESIDENCE_PERMIT',
    );
    expect(validatePersonId('resident_id', '11010519491231002X', TODAY)).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      errors: [],
      warnings: [],
    });
  });

  it('refuses a birth date after today for resident IDs and residence permits', () => {
    expect(validatePersonId('resident_id', '110105209912310029', TODAY).errors[0]?.code).toBe('RESIDENT_ID_BIRTH_DATE');
    expect(validatePersonId('residence_permit', '810000209912310023', TODAY).errors[0]?.code).toBe(
      'RESIDENCE_PERMIT_BIRTH_DATE',
    );
    expect(validateSubjectCertificate('resident_id', '110105209912310029', TODAY).valid).toBe(false);
    expect(validateSubjectCertificate('residence_permit', '810000209912310023', TODAY).valid).toBe(false);
  });

  it('refuses an unknown type, even one inherited from Object.prototype', () => {
    for (const t of ['driver_licence', '__proto__', 'toString']) {
      expect(validatePersonId(t as never, '11010519491231002X', TODAY).errors[0]?.code).toBe('PERSON_ID_TYPE_UNKNOWN');
    }
  });
});

describe('VAL-7 subject certificate dispatch', () => {
  const table: Array<[SubjectCertificateType, string, boolean, string?]> = [
    ['business_license', '91110000600037341L', true],
    ['business_license', '60003734-1', false, 'USCC_LENGTH'],
    ['uscc_certificate', '91110000600037341N', false, 'USCC_CHECKSUM'],
    ['org_code_certificate', '60003734-1', true],
    ['org_code_certificate', '91110000600037341L', false, 'ORG_CODE_FORMAT'],
    ['resident_id', '11010519491231002X', true],
    ['passport', 'E12345678', true],
    ['public_institution_certificate', '事证第110000001234号', false, 'CERTIFICATE_NUMBER_FORMAT'],
    ['public_institution_certificate', '12100000400000624D', true],
    ['social_org_certificate', '51100000500000000A', true],
    ['private_non_enterprise_certificate', 'abc-1234', true],
    ['foundation_certificate', '123', false, 'CERTIFICATE_NUMBER_FORMAT'],
    ['law_firm_license', '31110000E00000000X', true],
    ['military_code', '61001', true],
    ['other', 'X'.repeat(41), false, 'CERTIFICATE_NUMBER_FORMAT'],
    ['other', ' ', false, 'CERTIFICATE_NUMBER_EMPTY'],
  ];
  it.each(table)('%s %j -> valid %s %s', (type, value, valid, code) => {
    const result = validateSubjectCertificate(type, value, TODAY);
    expect(result.valid).toBe(valid);
    if (code) expect(result.errors[0]?.code).toBe(code);
  });

  it('normalises the generic shape like the others', () => {
    expect(validateSubjectCertificate('military_code', ' ６１００１ ', TODAY).normalized).toBe('61001');
    expect(validateSubjectCertificate('other', 'ab–12 34', TODAY).normalized).toBe('AB-1234');
  });

  it('answers for every declared subject certificate type', () => {
    for (const type of SUBJECT_CERTIFICATE_TYPES) {
      expect(validateSubjectCertificate(type, '', TODAY).errors[0]?.code, type).toMatch(/_EMPTY$/);
    }
    expect(validateSubjectCertificate('nope' as never, 'x', TODAY).errors[0]?.code).toBe('CERTIFICATE_TYPE_UNKNOWN');
  });
});
