import { describe, expect, it } from 'vitest';
import { fieldLabel } from './field-labels.ts';

describe('fieldLabel', () => {
  it('names person fields of websites and the subject in both languages', () => {
    expect(fieldLabel('websites.0.responsiblePerson.mobile', 'zh-CN')).toBe('网站1 · 负责人手机号码');
    expect(fieldLabel('websites.0.responsiblePerson.mobile', 'en-US')).toBe("Website 1 · Responsible person's mobile");
    expect(fieldLabel('subject.responsiblePerson.idNumber', 'zh-CN')).toBe('主体信息 · 负责人证件号码');
    expect(fieldLabel('subject.sponsorName', 'en-US')).toBe('Subject · Sponsor name');
  });

  it('names website fields, materials and list items', () => {
    expect(fieldLabel('websites.1.name', 'zh-CN')).toBe('网站2 · 网站名称');
    expect(fieldLabel('websites.0.ipAddresses.1', 'zh-CN')).toBe('网站1 · IP地址 · 2');
    expect(fieldLabel('materials.subject_cert', 'zh-CN')).toBe('上传资料 · 主办单位证件');
    expect(fieldLabel('websites.0.materials.domain_cert', 'en-US')).toMatch(/^Website 1 · /);
  });

  it('shows an unknown path as it is', () => {
    expect(fieldLabel('somethingElse.x', 'zh-CN')).toBe('somethingElse.x');
    expect(fieldLabel('subject.unknownField', 'en-US')).toBe('subject.unknownField');
  });
});
