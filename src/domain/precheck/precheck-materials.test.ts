import { describe, expect, it } from 'vitest';
import { PROVINCE_CODES } from '../province/provinces.ts';
import { precheck } from './precheck.ts';
import { edit, idFor, individualDraft, unitDraft } from './testing/builders.ts';
import { precheckWithMaterials } from './testing/cases.ts';
import type { PrecheckInput } from './types.ts';

const websiteRp = (d: PrecheckInput) => d.data.websites[0]!.responsiblePerson!;

describe('materials in the pre-check', () => {
  it('blocks on each missing material and counts the blocks', () => {
    const result = precheck(unitDraft('anhui'));
    expect(result.missingMaterials.map((m) => m.kind).sort()).toEqual(
      ['auth_website_rp', 'commitment', 'domain_cert', 'subject_cert', 'subject_rp_id', 'website_rp_id'].sort(),
    );
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'materials.missing.subject_cert',
        severity: 'block',
        field: 'materials.subject_cert',
      }),
    );
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'materials.missing.domain_cert',
        severity: 'block',
        field: 'websites.0.materials.domain_cert',
      }),
    );
    expect(result.blocking).toBe(result.findings.filter((f) => f.severity === 'block').length);
    expect(result.blocking).toBe(6);
  });

  it('derives the legacy verification form from the stage', () => {
    const legacy = precheck({ ...unitDraft('anhui'), verificationStage: 'after_provider_review' });
    expect(legacy.requiredMaterials.map((m) => m.kind)).toContain('verification_form');
  });

  it('reads ages, locality and pre-approvals from the draft for the material list', () => {
    const draft = edit(unitDraft('jiangxi'), (d) => {
      websiteRp(d).idNumber = idFor('beijing', 30, 301);
      d.data.websites[0]!.preApprovals = [{ type: 'news', permitNumber: 'P-1' }];
    });
    const kinds = precheck(draft).requiredMaterials.map((m) => `${m.kind}#${m.websiteIndex ?? ''}`);
    expect(kinds).toEqual(expect.arrayContaining(['residence_proof#0', 'pre_approval_doc#0']));
  });
});

describe('clean drafts', () => {
  /** Data a province asks for beyond the builders' defaults. */
  const complete = (input: PrecheckInput) =>
    edit(input, (d) => {
      d.data.subject!.remarks = '应急联系人：赵六，行政主管';
      for (const p of [d.data.subject!.responsiblePerson!, ...d.data.websites.map((w) => w.responsiblePerson!)])
        p.officePhone = '010-87654321';
    });

  it.each(PROVINCE_CODES)('%s: a complete unit and individual filing has no blocking finding', (code) => {
    for (const draft of [unitDraft(code), individualDraft(code)]) {
      const result = precheckWithMaterials(complete(draft));
      expect(result.findings.filter((f) => f.severity === 'block')).toEqual([]);
      expect(result.blocking).toBe(0);
      // Every finding speaks both languages and says how to fix it.
      for (const f of result.findings)
        expect(f.message.zhCN && f.message.enUS && f.fix.zhCN && f.fix.enUS).toBeTruthy();
    }
  });
});
