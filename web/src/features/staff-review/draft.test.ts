import { describe, expect, it } from 'vitest';
import { DEFAULT_REASON_TEMPLATES } from '../../../../src/contracts/operations-api.ts';
import { draftToReasons, loadDraft, materialPath, saveDraft } from './draft.ts';

const memory = (): Storage => {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
};

describe('review draft', () => {
  it('turns rejected fields and materials into API reasons in path order, note after the template', () => {
    const reasons = draftToReasons(
      {
        checked: [],
        rejects: {
          'websites.0.responsiblePerson.mobile': { code: 'MOBILE_NOT_OWNER', suggestion: ' 请填写本人手机号 ' },
          [materialPath('website_rp_id', 0)]: { code: 'IMAGE_UNCLEAR', note: '反光' },
          'subject.mailingAddress': { code: 'ADDRESS_INCOMPLETE', note: '  ' },
        },
      },
      DEFAULT_REASON_TEMPLATES,
    );
    expect(reasons).toEqual([
      { field: 'subject.mailingAddress', code: 'ADDRESS_INCOMPLETE', message: '地址不详细' },
      { field: 'websites.0.materials.website_rp_id', code: 'IMAGE_UNCLEAR', message: '图片不清晰：反光' },
      {
        field: 'websites.0.responsiblePerson.mobile',
        code: 'MOBILE_NOT_OWNER',
        message: '负责人手机号非本人',
        suggestion: '请填写本人手机号',
      },
    ]);
    expect(materialPath('subject_cert', null)).toBe('materials.subject_cert');
  });

  it('is kept per order and stage, and a corrupt entry reads as empty', () => {
    const s = memory();
    saveDraft('o1', 'provider', { rejects: { 'websites.0.name': { code: 'OTHER' } }, checked: ['a'] }, s);
    expect(loadDraft('o1', 'provider', s).checked).toEqual(['a']);
    expect(loadDraft('o1', 'authenticity', s)).toEqual({ rejects: {}, checked: [] });
    s.setItem('beian.staff.review-draft.provider.o2', '{not json');
    expect(loadDraft('o2', 'provider', s)).toEqual({ rejects: {}, checked: [] });
  });
});
