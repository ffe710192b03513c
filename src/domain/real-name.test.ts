import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  claimOfIdentity,
  claimOfSubject,
  compareRealNameKeys,
  normaliseIdentityNumber,
  normaliseRealName,
  realNameKeys,
} from './real-name.ts';

const index = (purpose: string, value: string) =>
  createHmac('sha256', 'k').update(`${purpose}\0${value}`).digest('hex');
const keys = (kind: 'individual' | 'unit', name: string, number: string) => realNameKeys(index, { kind, name, number });

describe('real-name normalisation', () => {
  it('folds full-width letters, digits, spaces and brackets', () => {
    expect(normaliseRealName('北京云帆（科技）有限公司')).toBe(normaliseRealName('北京云帆(科技)有限公司'));
    expect(normaliseRealName('ＡＣＭＥ　Ｌｔｄ')).toBe(normaliseRealName('ACME Ltd'));
    expect(normaliseRealName(' 张 三 ')).toBe('张三');
    expect(normaliseIdentityNumber('１１０１０５１９９００３０７１２３Ｘ')).toBe('11010519900307123X');
  });

  it('treats the middle dots of transliterated names as one', () => {
    expect(normaliseRealName('阿依古丽•买买提')).toBe(normaliseRealName('阿依古丽·买买提'));
    expect(normaliseRealName('阿依古丽・买买提')).toBe(normaliseRealName('阿依古丽·买买提'));
  });

  it("ignores the case of a USCC and of an ID number's final x, and blanks or hyphens inside", () => {
    expect(normaliseIdentityNumber('11010519900307123x')).toBe('11010519900307123X');
    expect(normaliseIdentityNumber('91110105ma01234567')).toBe('91110105MA01234567');
    expect(normaliseIdentityNumber('9111 0105-MA01 234567')).toBe('91110105MA01234567');
  });

  it('keeps different people different', () => {
    expect(normaliseRealName('张三')).not.toBe(normaliseRealName('张叁'));
    expect(normaliseIdentityNumber('110105199003071230')).not.toBe(normaliseIdentityNumber('110105199003071231'));
  });
});

describe('subject against identity', () => {
  const person = { kind: 'individual' as const, name: '张三', idType: 'resident_id' as const, verifiedAt: new Date() };

  it('matches an individual subject by sponsor name and certificate number, whatever the spelling', () => {
    const identity = realNameKeys(index, claimOfIdentity({ ...person, idNumber: '11010519900307123X' }));
    const claim = claimOfSubject({
      subjectType: 'individual',
      sponsorName: '张 三',
      certificateNumber: '11010519900307123x',
    });
    expect(compareRealNameKeys(identity, realNameKeys(index, claim!))).toEqual([]);
  });

  it('names what differs, never the values', () => {
    const identity = keys('unit', '北京云帆信息技术有限公司', '91110105MA01234567');
    expect(compareRealNameKeys(identity, keys('unit', '北京云帆网络有限公司', '91110105MA01234567'))).toEqual(['name']);
    expect(compareRealNameKeys(identity, keys('unit', '北京云帆信息技术有限公司', '91110105MA0123456X'))).toEqual([
      'number',
    ]);
    expect(compareRealNameKeys(identity, keys('individual', '北京云帆信息技术有限公司', '91110105MA01234567'))).toEqual(
      ['kind'],
    );
  });

  it('every subject type but individual is a unit; an unfinished subject claims nothing', () => {
    expect(claimOfSubject({ subjectType: 'enterprise', sponsorName: 'A', certificateNumber: '1' })?.kind).toBe('unit');
    expect(claimOfSubject({ subjectType: 'government', sponsorName: 'A', certificateNumber: '1' })?.kind).toBe('unit');
    expect(claimOfSubject({ subjectType: 'individual', sponsorName: '', certificateNumber: '1' })).toBeNull();
    expect(claimOfSubject({ subjectType: 'individual', sponsorName: '张三' })).toBeNull();
  });
});
