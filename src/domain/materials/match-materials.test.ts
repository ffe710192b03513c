import { describe, expect, it } from 'vitest';
import { missingMaterials } from './match-materials.ts';
import type { MaterialRequirement } from './required-materials.ts';

const req = (kind: MaterialRequirement['kind'], websiteIndex?: number): MaterialRequirement => ({
  kind,
  ...(websiteIndex === undefined ? {} : { websiteIndex }),
  label: { zhCN: kind, enUS: kind },
  reason: { zhCN: 'r', enUS: 'r' },
  ruleId: `national.${kind}`,
});

describe('missingMaterials', () => {
  it('reports nothing when every requirement has its upload', () => {
    expect(
      missingMaterials(
        [req('subject_cert'), req('domain_cert', 0)],
        [{ kind: 'subject_cert' }, { kind: 'domain_cert', websiteIndex: 0 }],
      ),
    ).toEqual([]);
  });

  it('needs a per-website material for the right website', () => {
    expect(missingMaterials([req('domain_cert', 1)], [{ kind: 'domain_cert', websiteIndex: 0 }])).toEqual([
      req('domain_cert', 1),
    ]);
  });

  it('counts one upload once: two websites need two letters', () => {
    const missing = missingMaterials(
      [req('auth_website_rp', 0), req('auth_website_rp', 1)],
      [{ kind: 'auth_website_rp', websiteIndex: 0 }],
    );
    expect(missing).toEqual([req('auth_website_rp', 1)]);
  });

  it('accepts any spare upload for kinds the upload page does not index', () => {
    expect(
      missingMaterials(
        [req('residence_proof'), req('residence_proof', 0)],
        [{ kind: 'residence_proof' }, { kind: 'residence_proof', websiteIndex: null }],
      ),
    ).toEqual([]);
    expect(
      missingMaterials([req('residence_proof'), req('residence_proof', 0)], [{ kind: 'residence_proof' }]),
    ).toHaveLength(1);
  });

  it('lets exact matches win before loose ones', () => {
    const missing = missingMaterials(
      [req('residence_proof'), req('residence_proof', 0)],
      [{ kind: 'residence_proof', websiteIndex: 0 }, { kind: 'residence_proof' }],
    );
    expect(missing).toEqual([]);
  });
});
