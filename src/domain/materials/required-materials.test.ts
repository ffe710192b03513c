import { describe, expect, it } from 'vitest';
import { SUBJECT_TYPES } from '../filing-data.ts';
import { FILING_TYPES } from '../filing-type.ts';
import { PROVINCE_CODES } from '../province/provinces.ts';
import { type RequiredMaterialsInput, requiredMaterials } from './required-materials.ts';

const base: RequiredMaterialsInput = {
  type: 'first_filing',
  subjectType: 'enterprise',
  // Hainan: legal person required, no provincial materials, so the rows show the national set.
  province: 'hainan',
  websites: [{ responsiblePersonIsLegalPerson: true }],
  subjectResponsibleIsLegalPerson: true,
  subjectWebsiteCountAfter: 1,
  verificationStage: 'before_submit',
};

/** `kind#websiteIndex`, sorted: compact and order-independent. */
const kinds = (over: Partial<RequiredMaterialsInput>) =>
  requiredMaterials({ ...base, ...over })
    .map((m) => (m.websiteIndex === undefined ? m.kind : `${m.kind}#${m.websiteIndex}`))
    .sort();

const UNIT_T1 = ['commitment', 'domain_cert#0', 'subject_cert', 'subject_rp_id', 'website_rp_id#0'];
const ind = { subjectType: 'individual' } as const;
const notLp = { websites: [{ responsiblePersonIsLegalPerson: false }] };

const MATRIX: Array<[string, Partial<RequiredMaterialsInput>, string[]]> = [
  ['T1 unit, one website, legal person everywhere', {}, UNIT_T1],
  [
    'T1 unit with the verification form stage (legacy/2022)',
    { verificationStage: 'after_provider_review' },
    [...UNIT_T1, 'verification_form#0'].sort(),
  ],
  ['T1 individual', ind, ['commitment', 'domain_cert#0', 'personal_id']],
  [
    'T1 individual, verification form stage',
    { ...ind, verificationStage: 'after_provider_review' },
    ['commitment', 'domain_cert#0', 'personal_id', 'verification_form#0'],
  ],
  [
    'T1 unit, three websites',
    { websites: [{}, {}, {}], subjectWebsiteCountAfter: 3 },
    [
      'commitment',
      'domain_cert#0',
      'domain_cert#1',
      'domain_cert#2',
      'subject_cert',
      'subject_rp_id',
      'website_rp_id#0',
      'website_rp_id#1',
      'website_rp_id#2',
    ],
  ],
  ['T3 unit = full set', { type: 'add_website_subject_elsewhere' }, UNIT_T1],
  ['T5 unit = full set', { type: 'add_access_subject_elsewhere' }, UNIT_T1],
  [
    'T2 unit: subject already on file',
    { type: 'add_website_subject_here' },
    ['commitment', 'domain_cert#0', 'website_rp_id#0'],
  ],
  [
    'T4 unit: subject already on file',
    { type: 'add_access_subject_here' },
    ['commitment', 'domain_cert#0', 'website_rp_id#0'],
  ],
  [
    'T2 individual: the owner ID again',
    { ...ind, type: 'add_website_subject_here' },
    ['commitment', 'domain_cert#0', 'personal_id'],
  ],
  [
    'T6 unit subject only (no change-cert province)',
    { type: 'change_subject', changeScope: { subject: true, websites: false } },
    ['commitment', 'subject_cert', 'subject_rp_id'],
  ],
  ['T6 unit subject and websites', { type: 'change_subject', changeScope: { subject: true, websites: true } }, UNIT_T1],
  [
    'T6 websites only',
    { type: 'change_subject', changeScope: { subject: false, websites: true } },
    ['commitment', 'domain_cert#0', 'website_rp_id#0'],
  ],
  ['T6 individual', { ...ind, type: 'change_subject' }, ['commitment', 'personal_id']],
  ['T7 unit', { type: 'change_website' }, ['commitment', 'domain_cert#0', 'website_rp_id#0']],
  ['T8 change access: nothing', { type: 'change_access' }, []],
  [
    'T9 change images: the replaced ones',
    { type: 'change_images', replacedImages: [{ kind: 'subject_cert' }, { kind: 'website_rp_id', websiteIndex: 0 }] },
    ['subject_cert', 'website_rp_id#0'],
  ],
  ['T10 cancel subject: nothing', { type: 'cancel_subject' }, []],
  ['T11 cancel website: nothing', { type: 'cancel_website' }, []],
  ['T12 cancel access: nothing', { type: 'cancel_access' }, []],
  // Legal person × province
  [
    'Anhui: website owner not the legal person → letter',
    { province: 'anhui', ...notLp },
    [...UNIT_T1, 'auth_website_rp#0'].sort(),
  ],
  ['Anhui: website owner is the legal person → none', { province: 'anhui' }, UNIT_T1],
  [
    'Anhui: letter only for the website whose owner is not the legal person',
    {
      province: 'anhui',
      websites: [{ responsiblePersonIsLegalPerson: true }, { responsiblePersonIsLegalPerson: false }],
      subjectWebsiteCountAfter: 2,
    },
    [
      'auth_website_rp#1',
      'commitment',
      'domain_cert#0',
      'domain_cert#1',
      'subject_cert',
      'subject_rp_id',
      'website_rp_id#0',
      'website_rp_id#1',
    ],
  ],
  [
    'Anhui individual: no letters',
    { province: 'anhui', ...ind, ...notLp },
    ['commitment', 'domain_cert#0', 'personal_id'],
  ],
  ['Hainan: no letter province', { ...notLp }, UNIT_T1],
  [
    'Jilin: subject not the legal person → subject letter',
    { province: 'jilin', subjectResponsibleIsLegalPerson: false },
    [...UNIT_T1, 'auth_subject_rp'].sort(),
  ],
  [
    'Jilin T2: subject letter not re-asked',
    { province: 'jilin', type: 'add_website_subject_here', subjectResponsibleIsLegalPerson: false },
    ['commitment', 'domain_cert#0', 'website_rp_id#0'],
  ],
  [
    'Anhui: subject not the legal person is refused, not lettered',
    { province: 'anhui', subjectResponsibleIsLegalPerson: false },
    UNIT_T1,
  ],
  // Website count
  [
    '6 websites after approval: social insurance + site plan per new website',
    { type: 'add_website_subject_here', subjectWebsiteCountAfter: 6 },
    ['commitment', 'domain_cert#0', 'site_plan#0', 'social_insurance#0', 'website_rp_id#0'],
  ],
  [
    '5 websites after approval: none',
    { type: 'add_website_subject_here', subjectWebsiteCountAfter: 5 },
    ['commitment', 'domain_cert#0', 'website_rp_id#0'],
  ],
  [
    'Hunan T2 with 6 websites: one site plan serves both rules',
    { province: 'hunan', type: 'add_website_subject_here', subjectWebsiteCountAfter: 6 },
    ['commitment', 'domain_cert#0', 'site_plan#0', 'social_insurance#0', 'website_rp_id#0'],
  ],
  [
    'Guangdong: 32 domain prefixes → plan and guarantee',
    {
      province: 'guangdong',
      type: 'add_website_subject_elsewhere',
      subjectWebsiteCountAfter: 2,
      subjectDomainCountAfter: 32,
    },
    [...UNIT_T1, 'authenticity_guarantee', 'site_plan#0'].sort(),
  ],
  // Residency, age
  [
    'Guangdong non-local individual → residence proof',
    { province: 'guangdong', ...ind, individualNonLocal: true },
    ['commitment', 'domain_cert#0', 'personal_id', 'residence_proof'],
  ],
  [
    'Chongqing non-local individual → no proof (refused instead)',
    { province: 'chongqing', ...ind, individualNonLocal: true },
    ['commitment', 'domain_cert#0', 'personal_id'],
  ],
  [
    'Jiangxi: non-local unit persons → their residence permits',
    {
      province: 'jiangxi',
      subjectResponsibleNonLocal: true,
      websites: [{ responsiblePersonNonLocal: true, preApprovals: ['education'] }],
    },
    [...UNIT_T1, 'pre_approval_doc#0', 'residence_proof', 'residence_proof#0'].sort(),
  ],
  [
    'Yunnan: website owner aged 17 → employment certificate',
    { province: 'yunnan', websites: [{ responsiblePersonAge: 17 }] },
    [...UNIT_T1, 'employment_cert#0'].sort(),
  ],
  [
    'Guangdong unit owner aged 17 → no employment certificate (individuals only)',
    { province: 'guangdong', websites: [{ responsiblePersonAge: 17 }] },
    [...UNIT_T1].sort(),
  ],
  // Change certificate
  [
    'Beijing T6 unit with registered data changed → change certificate',
    { province: 'beijing', type: 'change_subject', registeredDataChanged: true },
    ['change_cert', 'commitment', 'subject_cert', 'subject_rp_id'],
  ],
  [
    'Beijing T6 unit, only contact data changed → none',
    { province: 'beijing', type: 'change_subject', registeredDataChanged: false },
    ['commitment', 'subject_cert', 'subject_rp_id'],
  ],
  [
    'Beijing T6 individual → none',
    { province: 'beijing', ...ind, type: 'change_subject' },
    ['commitment', 'personal_id'],
  ],
  // Provincial letters
  [
    'Xinjiang individual → party-building certificate',
    { province: 'xinjiang', ...ind },
    ['commitment', 'domain_cert#0', 'party_building_cert', 'personal_id'],
  ],
  ['Hubei enterprise → e-commerce note', { province: 'hubei' }, [...UNIT_T1, 'ecommerce_note'].sort()],
  ['Hubei public institution → none', { province: 'hubei', subjectType: 'public_institution' }, UNIT_T1],
  [
    'Sichuan with a culture permit → the permit, no "not involved" letter',
    { province: 'sichuan', websites: [{ preApprovals: ['culture'] }] },
    [...UNIT_T1, 'pre_approval_doc#0'].sort(),
  ],
  [
    'Sichuan without permits → "not involved" letters',
    { province: 'sichuan' },
    [...UNIT_T1, 'no_preapproval_commitment'].sort(),
  ],
  ['Jiangsu → authenticity notice', { province: 'jiangsu' }, [...UNIT_T1, 'authenticity_notice'].sort()],
];

describe('requiredMaterials matrix', () => {
  it.each(MATRIX)('%s', (_name, over, expected) => {
    expect(kinds(over)).toEqual(expected);
  });

  it('names the provincial commitment template', () => {
    const commitment = requiredMaterials({ ...base, province: 'shanghai' }).find((m) => m.kind === 'commitment');
    expect(commitment?.label.zhCN).toContain('上海');
    expect(commitment?.ruleId).toBe('shanghai.commitment');
  });

  it('every requirement in every combination is labelled, explained and traceable', () => {
    // Collected, then asserted once: thousands of expect() calls would dominate the run time.
    const problems: string[] = [];
    for (const province of PROVINCE_CODES) {
      const id = new RegExp(`^(national|${province})\\.[a-z0-9_]+$`);
      for (const type of FILING_TYPES) {
        for (const subjectType of SUBJECT_TYPES) {
          const input: RequiredMaterialsInput = {
            ...base,
            province,
            type,
            subjectType,
            websites: [
              { responsiblePersonIsLegalPerson: false, responsiblePersonAge: 17, responsiblePersonNonLocal: true },
              {},
            ],
            subjectResponsibleIsLegalPerson: false,
            subjectResponsibleNonLocal: true,
            individualNonLocal: true,
            subjectWebsiteCountAfter: 40,
            verificationStage: 'after_provider_review',
          };
          for (const m of requiredMaterials(input)) {
            const labelled = m.label.zhCN && m.label.enUS && m.reason.zhCN && m.reason.enUS;
            const indexed = m.websiteIndex === undefined || m.websiteIndex === 0 || m.websiteIndex === 1;
            if (!labelled || !indexed || !id.test(m.ruleId))
              problems.push(`${province}/${type}/${subjectType}: ${m.kind} ${m.ruleId}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
