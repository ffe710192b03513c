import { describe, it } from 'vitest';
import { individualDraft, syntheticId, unitDraft } from '../../precheck/testing/builders.ts';
import {
  assertCase,
  block,
  none,
  notRequires,
  type RuleCase,
  requires,
  review,
  warn,
} from '../../precheck/testing/cases.ts';
import {
  changeCert,
  emergencyDiffers,
  footer,
  legalPersonRequired,
  localIdOnly,
  localMobileAll,
  minAge,
  onlyToOwnUnit,
  orderLetterCases,
  orgCodeRefused,
  residenceProof,
  reviewerCheck,
  subjectAuthLetter,
  unfiledDomain,
  websiteAuthLetter,
} from '../../precheck/testing/rule-cases.ts';
import {
  asType,
  emergencyIsOwnMobile,
  filedWebsites,
  individualAged,
  individualWithId,
  subjectRpNotLegal,
  websiteCount,
  websiteRpAged,
  websiteRpEmergencyIsSubjectMobile,
  websiteRpLegal,
  withPreApproval,
  withRemarks,
  withSubject,
} from '../../precheck/testing/variants.ts';

const tianjinRemarked = (input: ReturnType<typeof unitDraft>) => withRemarks(input, '应急联系人：赵六，行政主管');

/** Province rule tables, Qinghai to Zhejiang, and Tibet (baseline only). */
const TABLE: Record<string, RuleCase[]> = {
  qinghai: [...legalPersonRequired('qinghai'), ...websiteAuthLetter('qinghai'), ...localIdOnly('qinghai')],

  shaanxi: [
    ...legalPersonRequired('shaanxi'),
    ...websiteAuthLetter('shaanxi'),
    ...localMobileAll('shaanxi'),
    ...changeCert('shaanxi'),
    ...footer('shaanxi'),
    ...unfiledDomain('shaanxi'),
    [
      'a new website named like a filed one is refused',
      filedWebsites(asType(unitDraft('shaanxi'), 'add_website_subject_here'), 1, ['示例科技']),
      block('shaanxi.unique_website_names', 'websites.0.name'),
    ],
    [
      'a new website with its own name passes',
      filedWebsites(asType(unitDraft('shaanxi'), 'add_website_subject_here'), 1, ['另一个网站']),
      none('shaanxi.unique_website_names'),
    ],
    [
      'an individual beyond 5 websites is refused',
      filedWebsites(asType(individualDraft('shaanxi'), 'add_website_subject_here'), 5),
      block('shaanxi.max_websites_per_subject', 'websites'),
    ],
    [
      'an individual at 5 websites passes',
      filedWebsites(asType(individualDraft('shaanxi'), 'add_website_subject_here'), 4),
      none('shaanxi.max_websites_per_subject'),
    ],
    [
      'a unit beyond 30 websites is refused',
      filedWebsites(asType(unitDraft('shaanxi'), 'add_website_subject_here'), 30),
      block('shaanxi.max_websites_per_subject', 'websites'),
    ],
    [
      'a unit at 6 websites passes',
      filedWebsites(asType(unitDraft('shaanxi'), 'add_website_subject_here'), 5),
      none('shaanxi.max_websites_per_subject'),
    ],
  ],

  shandong: [
    ...legalPersonRequired('shandong'),
    ...onlyToOwnUnit('shandong'),
    ...changeCert('shandong'),
    [
      'enterprise with a USCC certificate is refused',
      withSubject(unitDraft('shandong'), (s) => {
        s.certificateType = 'uscc_certificate';
      }),
      block('shandong.certificate_type', 'subject.certificateType'),
    ],
    ['enterprise with the business licence passes', unitDraft('shandong'), none('shandong.certificate_type')],
  ],

  shanghai: [
    ...legalPersonRequired('shanghai'),
    ...websiteAuthLetter('shanghai'),
    ...residenceProof('shanghai'),
    ...changeCert('shanghai'),
    ...onlyToOwnUnit('shanghai'),
    [
      'Shanghai-coded ID not starting 310 needs residence proof',
      individualWithId(individualDraft('shanghai'), 'resident_id', syntheticId('312345', '1990-01-01', 101)),
      requires('residence_proof', 'shanghai.residence_proof'),
    ],
    ['Shanghai commitment template', individualDraft('shanghai'), requires('commitment', 'shanghai.commitment')],
    [
      'finance wording in the sponsor name needs the finance commitment',
      withSubject(unitDraft('shanghai'), (s) => {
        s.sponsorName = '上海示例投资管理有限公司';
      }),
      requires('finance_commitment', 'shanghai.finance_commitment'),
    ],
    ['no finance wording, no finance commitment', unitDraft('shanghai'), notRequires('finance_commitment')],
    [
      'enterprise with a USCC certificate is refused',
      withSubject(unitDraft('shanghai'), (s) => {
        s.certificateType = 'uscc_certificate';
      }),
      block('shanghai.certificate_type', 'subject.certificateType'),
    ],
  ],

  shanxi: [
    ...subjectAuthLetter('shanxi'),
    ...localIdOnly('shanxi'),
    ['Shanxi commitment template', unitDraft('shanxi'), requires('commitment', 'shanxi.commitment')],
    [
      '... only for filings (none for a change of access)',
      asType(unitDraft('shanxi'), 'change_access'),
      notRequires('commitment'),
    ],
  ],

  sichuan: [
    ...subjectAuthLetter('sichuan'),
    ...minAge('sichuan', 'unit'),
    ...minAge('sichuan', 'individual'),
    ...residenceProof('sichuan'),
    ...orgCodeRefused('sichuan'),
    [
      'a Hong Kong resident gives Sichuan residence proof',
      individualWithId(individualDraft('sichuan'), 'hk_macau_permit', 'H12345678'),
      requires('residence_proof', 'sichuan.residence_proof'),
    ],
    [
      'no pre-approval commitments without pre-approvals',
      unitDraft('sichuan'),
      requires('no_preapproval_commitment', 'sichuan.no_preapproval_commitment'),
    ],
    [
      'none when a pre-approval is declared',
      withPreApproval(unitDraft('sichuan'), 'culture'),
      notRequires('no_preapproval_commitment'),
    ],
  ],

  tianjin: [
    ...legalPersonRequired('tianjin'),
    ...localMobileAll('tianjin'),
    ...emergencyDiffers('tianjin'),
    ...changeCert('tianjin'),
    [
      'unit website run by the legal person is refused',
      websiteRpLegal(unitDraft('tianjin')),
      block('tianjin.website_responsible_not_legal_person', 'websites.0.responsiblePerson.isLegalPerson'),
    ],
    [
      'unit website run by another person passes',
      unitDraft('tianjin'),
      none('tianjin.website_responsible_not_legal_person'),
    ],
    ...minAge('tianjin', 'individual'),
    [
      'unit persons have no provincial age rule',
      websiteRpAged(unitDraft('tianjin'), 'tianjin', 17),
      none('tianjin.min_age'),
    ],
    [
      'emergency phone of another responsible person is refused',
      tianjinRemarked(websiteRpEmergencyIsSubjectMobile(unitDraft('tianjin'))),
      block('tianjin.emergency_phone_third_party', 'websites.0.responsiblePerson.emergencyPhone'),
    ],
    [
      "a third person's phone passes",
      tianjinRemarked(unitDraft('tianjin')),
      none('tianjin.emergency_phone_third_party'),
    ],
    [
      'emergency contact without remarks is refused',
      unitDraft('tianjin'),
      block('tianjin.emergency_contact_remarks', 'subject.remarks'),
    ],
    [
      'emergency contact described in the remarks passes',
      tianjinRemarked(unitDraft('tianjin')),
      none('tianjin.emergency_contact_remarks'),
    ],
    ...reviewerCheck('tianjin.emergency_contact_third_person', unitDraft('tianjin'), individualDraft('tianjin')),
    ...reviewerCheck('tianjin.emergency_contact_relative', individualDraft('tianjin'), unitDraft('tianjin')),
  ],

  xinjiang: [
    ...legalPersonRequired('xinjiang'),
    ...localIdOnly('xinjiang'),
    ...localMobileAll('xinjiang'),
    ...orderLetterCases('xinjiang', 'party_building_cert', 'xinjiang.party_building_cert'),
    ...orderLetterCases('xinjiang', 'party_building_cert', 'xinjiang.party_building_cert', individualDraft('xinjiang')),
  ],

  yunnan: [
    ...legalPersonRequired('yunnan'),
    ...localIdOnly('yunnan'),
    ...orgCodeRefused('yunnan'),
    [
      'unit website owner under 18 gives an employment certificate',
      websiteRpAged(unitDraft('yunnan'), 'yunnan', 17),
      requires('employment_cert', 'yunnan.employment_cert', 0),
    ],
    [
      '... and is not refused',
      websiteRpAged(unitDraft('yunnan'), 'yunnan', 17),
      none('national.minor_responsible_person'),
    ],
    [
      'individual under 18 gives an employment certificate',
      individualAged(individualDraft('yunnan'), 'yunnan', 16),
      requires('employment_cert', 'yunnan.employment_cert', 0),
    ],
    ['adult website owner gives none', unitDraft('yunnan'), notRequires('employment_cert')],
  ],

  zhejiang: [
    ...legalPersonRequired('zhejiang'),
    ...minAge('zhejiang', 'individual'),
    ...onlyToOwnUnit('zhejiang'),
    ...changeCert('zhejiang'),
    [
      'enterprise with a USCC certificate is refused',
      withSubject(unitDraft('zhejiang'), (s) => {
        s.certificateType = 'uscc_certificate';
      }),
      block('zhejiang.certificate_type', 'subject.certificateType'),
    ],
  ],

  // Tibet has no provincial page: everything comes out of the national baseline.
  xizang: [
    [
      'legal person only recommended (national warning)',
      subjectRpNotLegal(unitDraft('xizang')),
      warn('national.subject_responsible_legal_person', 'subject.responsiblePerson.isLegalPerson'),
    ],
    [
      'three websites per submission pass',
      websiteCount(unitDraft('xizang'), 'xizang', 3),
      none('national.websites_per_submission'),
    ],
    [
      'four websites per submission are refused',
      websiteCount(unitDraft('xizang'), 'xizang', 4),
      block('national.websites_per_submission', 'websites'),
    ],
    [
      'no provincial materials beyond the national commitment',
      unitDraft('xizang'),
      requires('commitment', 'national.commitment'),
    ],
    ['no provincial reviewer checks', unitDraft('xizang'), review('national.domain_registrant_matches_subject')],
    [
      'non-local individuals are accepted',
      individualWithId(individualDraft('xizang'), 'resident_id', syntheticId('110102', '1990-01-01', 101)),
      notRequires('residence_proof'),
    ],
    [
      'USCC certificate accepted for enterprises',
      withSubject(unitDraft('xizang'), (s) => {
        s.certificateType = 'uscc_certificate';
      }),
      none('national.certificate_type'),
    ],
    [
      'emergency phone equal to the mobile only warns',
      emergencyIsOwnMobile(unitDraft('xizang')),
      warn('national.emergency_phone_differs', 'websites.0.responsiblePerson.emergencyPhone'),
    ],
  ],
};

describe.each(Object.entries(TABLE))('%s rules', (_province, cases) => {
  it.each(cases)('%s', (_name, input, expectation) => assertCase(input, expectation));
});
