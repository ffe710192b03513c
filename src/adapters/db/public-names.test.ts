import { describe, expect, it } from 'vitest';
import { normalizeSubjectName, publicWebsiteName } from './records-repo.ts';

describe('public names of the lookup policy', () => {
  it('masks an individual’s full name inside a website name, every occurrence', () => {
    const person = { subjectType: 'individual', sponsorName: '王小明' };
    expect(publicWebsiteName('王小明的博客', person)).toBe('王**的博客');
    expect(publicWebsiteName('王小明说：王小明', person)).toBe('王**说：王**');
    expect(publicWebsiteName('技术随笔', person)).toBe('技术随笔');
  });

  it('leaves units’ website names alone and one-character names unmasked', () => {
    expect(publicWebsiteName('北京某某科技官网', { subjectType: 'enterprise', sponsorName: '北京某某科技' })).toBe(
      '北京某某科技官网',
    );
    expect(publicWebsiteName('王的站', { subjectType: 'individual', sponsorName: '王' })).toBe('王的站');
  });

  it('normalises full-width letters and blank runs so one name has one index', () => {
    expect(normalizeSubjectName('  Ｌｉ   Ｍｉｎｇ ')).toBe('Li Ming');
    expect(normalizeSubjectName('王小明\u3000')).toBe('王小明');
  });
});
