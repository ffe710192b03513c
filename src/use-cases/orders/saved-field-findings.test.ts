import { describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/precheck/types.ts';
import { findingDetail } from './order-guards.ts';
import { findingsForSavedFields } from './saved-field-findings.ts';

const finding = (ruleId: string, field: string): Finding => ({
  ruleId,
  severity: 'block',
  field,
  message: { zhCN: '消息', enUS: 'message' },
  fix: { zhCN: '修正', enUS: 'fix' },
});

describe('findingDetail', () => {
  it('keeps the rule id and derives a scope-free code', () => {
    expect(findingDetail(finding('completeness.required', 'subject.city'))).toMatchObject({
      ruleId: 'completeness.required',
      field: 'subject.city',
      code: 'REQUIRED',
      severity: 'block',
      message: { zhCN: '消息', enUS: 'message' },
    });
    expect(findingDetail(finding('format.ID_CHECKSUM', 'x')).code).toBe('ID_CHECKSUM');
    expect(findingDetail(finding('materials.missing.subject_cert', '')).code).toBe('MISSING_SUBJECT_CERT');
    expect(findingDetail(finding('standalone', '')).code).toBe('STANDALONE');
  });
});

describe('findingsForSavedFields (issue 6 #4)', () => {
  const all = [
    finding('format.MOBILE_INVALID', 'subject.responsiblePerson.mobile'),
    finding('completeness.required', 'subject.mailingAddress'),
    finding('completeness.required', 'websites.0.name'),
    finding('completeness.required', 'websites.0.responsiblePerson.name'),
    finding('completeness.materials', ''),
    finding('completeness.subject', 'subject'),
  ];

  it('keeps findings on fields sent and on fields of objects sent', () => {
    const sent = { subject: { responsiblePerson: { mobile: '123' } }, websites: [{ domain: 'a.cn' }] };
    expect(findingsForSavedFields(all, sent).map((f) => f.field)).toEqual([
      'subject.responsiblePerson.mobile',
      'subject.mailingAddress',
      'websites.0.name',
      'subject',
    ]);
  });

  it('leaves out whole-order findings and sections not sent', () => {
    expect(findingsForSavedFields(all, { websites: [] }).map((f) => f.field)).toEqual([]);
  });
});
