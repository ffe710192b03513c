import { describe, expect, it } from 'vitest';
import type { OrderData } from '../../contracts/filing-data.ts';
import { submissionDiff } from './submission-diff.ts';

const before: OrderData = {
  subject: {
    city: '北京市',
    responsiblePerson: { name: '王小明', mobile: '13800001234', idNumber: '110105199003071234' },
  },
  websites: [{ name: '旧名称', domain: 'a.cn', languages: ['zh_hans'], ipAddresses: ['1.2.3.4'] }],
};

describe('submissionDiff', () => {
  it('names each changed field, unchanged ones left out', () => {
    const after: OrderData = structuredClone(before);
    after.websites[0]!.name = '新名称';
    after.websites[0]!.ipAddresses = ['1.2.3.4', '5.6.7.8'];
    expect(submissionDiff(before, after)).toEqual([
      { field: 'websites.0.name', before: '旧名称', after: '新名称' },
      { field: 'websites.0.ipAddresses', before: '1.2.3.4', after: '1.2.3.4, 5.6.7.8' },
    ]);
  });

  it('compares real values but shows them masked', () => {
    const after: OrderData = structuredClone(before);
    // Same first three and last four digits: the masked forms are equal, the change is still found.
    after.subject!.responsiblePerson!.mobile = '13899991234';
    const [change] = submissionDiff(before, after);
    expect(change?.field).toBe('subject.responsiblePerson.mobile');
    expect(change?.before).not.toContain('0000');
    expect(change?.after).not.toContain('9999');
  });

  it('reports added and removed fields with null on the missing side', () => {
    const after: OrderData = structuredClone(before);
    after.websites.push({ name: '第二个', domain: 'b.cn' });
    delete after.subject!.city;
    const changes = submissionDiff(before, after);
    expect(changes).toContainEqual({ field: 'subject.city', before: '北京市', after: null });
    expect(changes).toContainEqual({ field: 'websites.1.domain', before: null, after: 'b.cn' });
  });
});
